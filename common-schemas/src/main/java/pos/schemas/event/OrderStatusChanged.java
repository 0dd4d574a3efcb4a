package pos.schemas.event;

import java.time.Instant;
import java.util.Objects;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

/**
 * An order changed status. {@code sequence} is the order's change counter (1 for {@code pending}); consumers
 * see each order's events in sequence order and can drop a sequence they have already applied.
 * {@code previousStatus} is null for the first event. {@code order} is the whole order after the change.
 * {@code cancelReason} is the order's: why the system cancelled it ({@code "expired"}), null otherwise.
 */
public record OrderStatusChanged(
        String eventId,
        String orderId,
        long sequence,
        OrderStatus previousStatus,
        OrderStatus status,
        String storeId,
        OrderSnapshot order,
        String causedBy,
        Instant occurredAt,
        String cancelReason)
        implements OrderEvent {

    public OrderStatusChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
    }

    /** A change no system rule caused (no cancel reason). */
    public OrderStatusChanged(
            String eventId,
            String orderId,
            long sequence,
            OrderStatus previousStatus,
            OrderStatus status,
            String storeId,
            OrderSnapshot order,
            String causedBy,
            Instant occurredAt) {
        this(eventId, orderId, sequence, previousStatus, status, storeId, order, causedBy, occurredAt, null);
    }
}
