package pos.api.idempotency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where Idempotency-Keys are kept; unique per (user, key). */
public interface IdempotencyStore {

    /** Inserts the record; empty if (user, key) already exists. */
    Optional<IdempotencyRecord> insertIfAbsent(IdempotencyRecord record);

    /**
     * Inserts each record as {@link #insertIfAbsent} would, one result per record in the same order; a store may do
     * it in one write. Of two records with the same (user, key) in one call, at most one is inserted.
     */
    default List<Optional<IdempotencyRecord>> insertAllIfAbsent(List<IdempotencyRecord> records) {
        return records.stream().map(this::insertIfAbsent).toList();
    }

    Optional<IdempotencyRecord> find(String userId, String key);

    /** Takes over a key whose owner's lease ran out; empty if someone else took it or it completed meanwhile. */
    Optional<IdempotencyRecord> takeOver(IdempotencyRecord expired, Instant newLeaseUntil);

    void complete(IdempotencyRecord record, StoredResponse response);

    /** Gives the key up so a retry may take it over at once (the outcome was not final). */
    void releaseLease(IdempotencyRecord record, Instant now);

    /**
     * What became of a claimed key's request: its final response, stored for replays, or, when the response was
     * not final (a 202), the lease given up at {@code now} so a retry may take the key over at once.
     */
    record Outcome(IdempotencyRecord record, StoredResponse response, Instant now) {

        public boolean isFinal() {
            return response.isFinal();
        }
    }

    /** Stores each outcome as {@link #complete} or {@link #releaseLease} would; a store may do it in one write. */
    default void storeAll(List<Outcome> outcomes) {
        for (var outcome : outcomes) {
            if (outcome.isFinal()) {
                complete(outcome.record(), outcome.response());
            } else {
                releaseLease(outcome.record(), outcome.now());
            }
        }
    }

    void delete(IdempotencyRecord record);

    long deleteExpired(Instant now);
}
