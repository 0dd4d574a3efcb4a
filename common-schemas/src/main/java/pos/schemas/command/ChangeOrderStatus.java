package pos.schemas.command;

import pos.schemas.value.OrderStatus;

import java.time.Instant;
import java.util.Objects;

/** Move an order to another status of its lifecycle. */
public record ChangeOrderStatus(
        String commandId,
        String orderId,
        OrderStatus status,
        String requestedBy,
        Instant issuedAt) implements OrderCommand {

    public ChangeOrderStatus {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
