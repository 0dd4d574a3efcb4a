package pos.api.idempotency;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The store's contract in memory: (user, key) unique, conditional take-over. */
class InMemoryIdempotencyStore implements IdempotencyStore {

    final Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

    private static String id(String userId, String key) {
        return userId + "\u0000" + key;
    }

    @Override
    public Optional<IdempotencyRecord> insertIfAbsent(IdempotencyRecord record) {
        return records.putIfAbsent(id(record.userId(), record.key()), record) == null
                ? Optional.of(record)
                : Optional.empty();
    }

    @Override
    public Optional<IdempotencyRecord> find(String userId, String key) {
        return Optional.ofNullable(records.get(id(userId, key)));
    }

    @Override
    public synchronized Optional<IdempotencyRecord> takeOver(IdempotencyRecord expired, Instant newLeaseUntil) {
        var current = records.get(id(expired.userId(), expired.key()));
        if (current == null || current.completed() || !current.leaseUntil().equals(expired.leaseUntil())) {
            return Optional.empty();
        }
        var taken = with(current, false, newLeaseUntil, null);
        records.put(id(current.userId(), current.key()), taken);
        return Optional.of(taken);
    }

    @Override
    public void complete(IdempotencyRecord record, StoredResponse response) {
        records.computeIfPresent(id(record.userId(), record.key()), (k, r) -> with(r, true, r.leaseUntil(), response));
    }

    @Override
    public void releaseLease(IdempotencyRecord record, Instant now) {
        records.computeIfPresent(
                id(record.userId(), record.key()), (k, r) -> with(r, r.completed(), now, r.response()));
    }

    @Override
    public void delete(IdempotencyRecord record) {
        records.remove(id(record.userId(), record.key()));
    }

    @Override
    public long deleteExpired(Instant now) {
        var expired = records.values().stream().filter(r -> r.isExpired(now)).toList();
        expired.forEach(this::delete);
        return expired.size();
    }

    private static IdempotencyRecord with(
            IdempotencyRecord r, boolean completed, Instant leaseUntil, StoredResponse response) {
        return new IdempotencyRecord(
                r.id(),
                r.userId(),
                r.key(),
                r.fingerprint(),
                completed,
                r.resourceId(),
                r.commandId(),
                leaseUntil,
                response,
                r.createdAt(),
                r.expiresAt());
    }
}
