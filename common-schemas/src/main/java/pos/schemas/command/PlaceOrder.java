package pos.schemas.command;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import pos.schemas.value.OrderLine;

/**
 * Place a new order. The order id is fixed by api-service when it accepts the request, so a retried placement
 * carries the same order id and command id and is recognised as a duplicate. {@code occurredAt} is when the sale
 * happened on the device that sent it (its clock), if it said; {@code issuedAt} is the server's time.
 */
public record PlaceOrder(
        String commandId,
        String orderId,
        String storeId,
        String userId,
        String placedBy,
        List<OrderLine> lines,
        String idempotencyKey,
        Instant issuedAt,
        Instant occurredAt)
        implements SingleOrderCommand {

    /** A placement without a device time. */
    public PlaceOrder(
            String commandId,
            String orderId,
            String storeId,
            String userId,
            String placedBy,
            List<OrderLine> lines,
            String idempotencyKey,
            Instant issuedAt) {
        this(commandId, orderId, storeId, userId, placedBy, lines, idempotencyKey, issuedAt, null);
    }

    public PlaceOrder {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
    }
}
