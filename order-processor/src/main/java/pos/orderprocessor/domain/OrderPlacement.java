package pos.orderprocessor.domain;

import pos.schemas.command.PlaceOrder;
import pos.schemas.event.ReservationResult;
import pos.schemas.event.StockReservationRejected;
import pos.schemas.event.StockReserved;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;

import java.time.Instant;
import java.util.List;

import static pos.orderprocessor.domain.InventoryCommands.reserveCommandId;

/** A new order waits in {@code pending} until inventory-processor has reserved its stock or refused it. */
final class OrderPlacement {

    Transition place(OrderState current, PlaceOrder place, Instant now) {
        if (current != null) {
            return Transition.replyOnly(current, OrderMessages.unchanged(place.commandId(), current.order(), now));
        }
        var subtotal = OrderSnapshot.subtotalOf(place.lines());
        var order = new OrderSnapshot(place.orderId(), 1, OrderStatus.PENDING, place.storeId(), place.userId(),
                place.placedBy(), place.lines(), subtotal, null, subtotal, List.of(), place.idempotencyKey(), now,
                now);
        var placed = new OrderState(order, place.commandId(), List.of());
        return Transition.changed(placed, OrderMessages.statusChanged(null, order, place.commandId(), now),
                List.of(InventoryCommands.reserve(order, now)), List.of());
    }

    /** Only the answer to this order's own reservation, while it is still open, decides anything. */
    Transition decide(OrderState current, ReservationResult result, Instant now) {
        if (current == null || current.status() != OrderStatus.PENDING
                || !result.commandId().equals(reserveCommandId(current.order().orderId()))) {
            return Transition.none(current);
        }
        if (result instanceof StockReserved) {
            var created = current.movedTo(OrderStatus.CREATED, List.of(), now);
            return moved(current, created, result, OrderMessages.applied(current.placeCommandId(), created.order(), now),
                    now);
        }
        if (result instanceof StockReservationRejected rejection) {
            var rejected = current.movedTo(OrderStatus.REJECTED, rejection.shortages(), now);
            var reply = OrderMessages.refused(current.placeCommandId(), rejected.order().orderId(), rejected.order(),
                    insufficientStock(rejection.shortages()), List.of(), now);
            return moved(current, rejected, result, reply, now);
        }
        return Transition.none(current);
    }

    private static Transition moved(OrderState before, OrderState after, ReservationResult cause,
            OrderCommandReply reply, Instant now) {
        var event = OrderMessages.statusChanged(before.status(), after.order(), cause.commandId(), now);
        return Transition.changed(after, event, List.of(), List.of(reply));
    }

    private static String insufficientStock(List<Shortage> shortages) {
        return shortages.isEmpty()
                ? "Insufficient stock"
                : "Insufficient stock for product " + shortages.get(0).productId();
    }
}
