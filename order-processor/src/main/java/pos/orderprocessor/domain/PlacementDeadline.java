package pos.orderprocessor.domain;

import pos.schemas.command.ExpirePlacement;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Every accepted placement is decided within a bounded time: if the store ledger has not decided it
 * {@link #timeout} after order-processor saw it, it is expired. The ledger ignores the expiry of an order it knows
 * and rejects an order it has never seen (its PlaceOrder was lost or dead-lettered), so an expiry is always safe to
 * send, and sending it twice is harmless.
 */
public record PlacementDeadline(Duration timeout) {

    public PlacementDeadline {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the placement deadline must be positive: " + timeout);
        }
    }

    /** When a placement seen at {@code seenAt} is due to be expired. */
    public Instant dueAt(Instant seenAt) {
        return seenAt.plus(timeout);
    }

    /** The command that expires the placement of an order, issued when it is due. */
    public ExpirePlacement expiry(String orderId, String storeId, Instant now) {
        return new ExpirePlacement(ExpirePlacement.commandIdFor(orderId), orderId, storeId, now);
    }

    public static boolean isDue(Instant dueAt, Instant now) {
        return !dueAt.isAfter(now);
    }
}
