package pos.schemas.reply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.StockLevel;

/**
 * Decision on a {@code PlaceOrder} or {@code ChangeOrderStatus}. {@code order} is the order after the decision
 * (null only when the order does not exist). A refused status change lists the statuses allowed next.
 * {@code stock} is the stock of the order's products after the decision (each with its per-(store, product)
 * version), so the API can bring its read model up to date before it answers; empty when nothing was read.
 */
public record OrderCommandReply(
        String commandId,
        String orderId,
        Outcome outcome,
        OrderSnapshot order,
        String detail,
        List<OrderStatus> allowedNext,
        List<StockLevel> stock,
        Instant occurredAt)
        implements CommandReply {

    public OrderCommandReply {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
        allowedNext = allowedNext == null ? List.of() : List.copyOf(allowedNext);
        stock = stock == null ? List.of() : List.copyOf(stock);
    }
}
