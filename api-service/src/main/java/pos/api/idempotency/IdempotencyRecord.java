package pos.api.idempotency;

import java.time.Instant;

/**
 * One use of an Idempotency-Key by one user. The ids of what the request creates ({@code resourceId},
 * {@code commandId}) are fixed when the key is first stored, so a retry after a crash re-publishes the same
 * command and the processors recognise it as a duplicate.
 */
public record IdempotencyRecord(
        String id,
        String userId,
        String key,
        String fingerprint,
        boolean completed,
        String resourceId,
        String commandId,
        Instant leaseUntil,
        StoredResponse response,
        Instant createdAt,
        Instant expiresAt) {

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public boolean isLeaseExpired(Instant now) {
        return !leaseUntil.isAfter(now);
    }
}
