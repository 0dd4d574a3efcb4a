package pos.inventory.domain;

import java.time.Instant;
import java.util.List;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.StockLevel;

/** Builds the order events and replies the store ledger emits. */
final class OrderMessages {

    private OrderMessages() {}

    /** The event id is derived, so a change replayed after a crash carries the same id and consumers can drop it. */
    static OrderStatusChanged statusChanged(OrderStatus previous, OrderSnapshot order, String causedBy, Instant now) {
        return new OrderStatusChanged(
                order.orderId() + "/" + order.sequence(),
                order.orderId(),
                order.sequence(),
                previous,
                order.status(),
                order.storeId(),
                order,
                causedBy,
                now,
                order.cancelReason());
    }

    static OrderCommandReply reply(
            String commandId, Outcome outcome, OrderSnapshot order, List<StockLevel> stock, Instant now) {
        return new OrderCommandReply(commandId, order.orderId(), outcome, order, null, List.of(), stock, now);
    }

    static OrderCommandReply refused(
            String commandId,
            String orderId,
            OrderSnapshot order,
            String detail,
            List<OrderStatus> allowedNext,
            List<StockLevel> stock,
            Instant now) {
        return new OrderCommandReply(commandId, orderId, Outcome.REFUSED, order, detail, allowedNext, stock, now);
    }
}
