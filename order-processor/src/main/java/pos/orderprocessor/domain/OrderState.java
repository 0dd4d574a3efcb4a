package pos.orderprocessor.domain;

import pos.schemas.reply.OrderCommandReply;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What order-processor remembers about one order: the order itself, the command that placed it (its reply is
 * only sent once stock is decided) and the most recent status commands with their replies, for retries.
 */
public record OrderState(OrderSnapshot order, String placeCommandId, List<HandledCommand> handledCommands) {

    /** Retries arrive within seconds; a bounded history keeps the state small however chatty a client is. */
    public static final int HANDLED_COMMANDS_KEPT = 32;

    public OrderState {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(placeCommandId, "placeCommandId");
        handledCommands = handledCommands == null ? List.of() : List.copyOf(handledCommands);
    }

    public OrderStatus status() {
        return order.status();
    }

    public Optional<OrderCommandReply> replyTo(String commandId) {
        return handledCommands.stream()
                .filter(handled -> handled.commandId().equals(commandId))
                .map(HandledCommand::reply)
                .findFirst();
    }

    OrderState remembering(OrderCommandReply reply) {
        var kept = new ArrayList<>(handledCommands);
        kept.add(new HandledCommand(reply.commandId(), reply));
        var overflow = kept.size() - HANDLED_COMMANDS_KEPT;
        return new OrderState(order, placeCommandId, kept.subList(Math.max(0, overflow), kept.size()));
    }

    OrderState movedTo(OrderStatus status, List<Shortage> shortages, Instant now) {
        var next = new OrderSnapshot(order.orderId(), order.sequence() + 1, status, order.storeId(), order.userId(),
                order.placedBy(), order.lines(), order.subtotal(), order.tax(), order.total(), shortages,
                order.idempotencyKey(), order.createdAt(), now);
        return new OrderState(next, placeCommandId, handledCommands);
    }
}
