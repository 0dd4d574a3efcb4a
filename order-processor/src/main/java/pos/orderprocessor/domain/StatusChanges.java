package pos.orderprocessor.domain;

import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.InventoryCommand;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

import java.time.Instant;
import java.util.List;

/**
 * Client-driven status changes. Every decision on an existing order is remembered under its command id, so a
 * retried command gets the first reply even if the order has moved on since.
 */
final class StatusChanges {

    Transition change(OrderState current, ChangeOrderStatus command, Instant now) {
        if (current == null) {
            return Transition.replyOnly(null, OrderMessages.refused(command.commandId(), command.orderId(), null,
                    "Order not found", List.of(), now));
        }
        var earlier = current.replyTo(command.commandId());
        if (earlier.isPresent()) {
            return Transition.replyOnly(current, earlier.get());
        }
        var from = current.status();
        var to = command.status();
        if (from == OrderStatus.PENDING) {
            return refuse(current, command, "Order is still pending", now);
        }
        if (from == to && OrderLifecycle.clientSettable(to)) {
            var reply = OrderMessages.unchanged(command.commandId(), current.order(), now);
            return Transition.remembered(current.remembering(reply), reply);
        }
        if (OrderLifecycle.allows(from, to)) {
            return apply(current, command, now);
        }
        return refuse(current, command,
                "Cannot change status from " + from.wireName() + " to " + to.wireName(), now);
    }

    private static Transition apply(OrderState current, ChangeOrderStatus command, Instant now) {
        var moved = current.movedTo(command.status(), current.order().shortages(), now);
        var reply = OrderMessages.applied(command.commandId(), moved.order(), now);
        var event = OrderMessages.statusChanged(current.status(), moved.order(), command.commandId(), now);
        return Transition.changed(moved.remembering(reply), event, stockCommandsFor(moved.order(), now),
                List.of(reply));
    }

    private static List<InventoryCommand> stockCommandsFor(OrderSnapshot order, Instant now) {
        if (order.status() == OrderStatus.CANCELLED) {
            return List.of(InventoryCommands.release(order, now));
        }
        if (order.status() == OrderStatus.COMPLETED) {
            return List.of(InventoryCommands.commit(order, now));
        }
        return List.of();
    }

    private static Transition refuse(OrderState current, ChangeOrderStatus command, String detail, Instant now) {
        OrderCommandReply reply = OrderMessages.refused(command.commandId(), command.orderId(), current.order(),
                detail, OrderLifecycle.allowedNext(current.status()), now);
        return Transition.remembered(current.remembering(reply), reply);
    }
}
