package pos.orderprocessor.domain;

import pos.schemas.event.OrderStatusChanged;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

import java.time.Instant;
import java.util.List;

/** Builds the events and replies the state machine emits. */
final class OrderMessages {

    private OrderMessages() {
    }

    /** The event id is derived, so a change replayed after a crash carries the same id and consumers can drop it. */
    static OrderStatusChanged statusChanged(OrderStatus previous, OrderSnapshot order, String causedBy, Instant now) {
        return new OrderStatusChanged(order.orderId() + "/" + order.sequence(), order.orderId(), order.sequence(),
                previous, order.status(), order.storeId(), order, causedBy, now);
    }

    static OrderCommandReply applied(String commandId, OrderSnapshot order, Instant now) {
        return new OrderCommandReply(commandId, order.orderId(), Outcome.APPLIED, order, null, List.of(), now);
    }

    static OrderCommandReply unchanged(String commandId, OrderSnapshot order, Instant now) {
        return new OrderCommandReply(commandId, order.orderId(), Outcome.UNCHANGED, order, null, List.of(), now);
    }

    static OrderCommandReply refused(String commandId, String orderId, OrderSnapshot order, String detail,
            List<OrderStatus> allowedNext, Instant now) {
        return new OrderCommandReply(commandId, orderId, Outcome.REFUSED, order, detail, allowedNext, now);
    }
}
