package pos.schemas.command;

import java.time.Instant;
import java.util.Objects;
import pos.schemas.value.OrderStatus;

/**
 * Move an order to another status of its lifecycle. {@code storeId} is the order's store: the command is keyed by
 * it, so the task that owns the store's stock decides the change and its stock effect in one transaction.
 */
public record ChangeOrderStatus(
        String commandId, String orderId, String storeId, OrderStatus status, String requestedBy, Instant issuedAt)
        implements SingleOrderCommand {

    public ChangeOrderStatus {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
