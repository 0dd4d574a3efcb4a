package pos.schemas.reply;

import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Decision on a {@code PlaceOrder} or {@code ChangeOrderStatus}. {@code order} is the order after the decision
 * (null only when the order does not exist). A refused status change lists the statuses allowed next.
 */
public record OrderCommandReply(
        String commandId,
        String orderId,
        Outcome outcome,
        OrderSnapshot order,
        String detail,
        List<OrderStatus> allowedNext,
        Instant occurredAt) implements CommandReply {

    public OrderCommandReply {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
        allowedNext = allowedNext == null ? List.of() : List.copyOf(allowedNext);
    }
}
