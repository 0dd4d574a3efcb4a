package pos.api.idempotency;

import java.time.Instant;
import java.util.Optional;

/** Where Idempotency-Keys are kept; unique per (user, key). */
public interface IdempotencyStore {

    /** Inserts the record; empty if (user, key) already exists. */
    Optional<IdempotencyRecord> insertIfAbsent(IdempotencyRecord record);

    Optional<IdempotencyRecord> find(String userId, String key);

    /** Takes over a key whose owner's lease ran out; empty if someone else took it or it completed meanwhile. */
    Optional<IdempotencyRecord> takeOver(IdempotencyRecord expired, Instant newLeaseUntil);

    void complete(IdempotencyRecord record, StoredResponse response);

    /** Gives the key up so a retry may take it over at once (the outcome was not final). */
    void releaseLease(IdempotencyRecord record, Instant now);

    void delete(IdempotencyRecord record);

    long deleteExpired(Instant now);
}
