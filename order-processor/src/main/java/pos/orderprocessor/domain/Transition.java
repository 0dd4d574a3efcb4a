package pos.orderprocessor.domain;

import pos.schemas.command.InventoryCommand;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.reply.OrderCommandReply;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one input: the order state afterwards ({@code next}, null only for an order that does not exist),
 * whether that state must be stored, and what to emit. A "no change" transition keeps the state and emits at most
 * a reply.
 */
public record Transition(
        OrderState next,
        boolean stateChanged,
        List<OrderStatusChanged> events,
        List<InventoryCommand> inventoryCommands,
        List<OrderCommandReply> replies) {

    public Transition {
        events = List.copyOf(events);
        inventoryCommands = List.copyOf(inventoryCommands);
        replies = List.copyOf(replies);
    }

    static Transition none(OrderState current) {
        return new Transition(current, false, List.of(), List.of(), List.of());
    }

    static Transition replyOnly(OrderState current, OrderCommandReply reply) {
        return new Transition(current, false, List.of(), List.of(), List.of(reply));
    }

    /** The state changed but the order did not (a decided command was remembered). */
    static Transition remembered(OrderState next, OrderCommandReply reply) {
        return new Transition(next, true, List.of(), List.of(), List.of(reply));
    }

    static Transition changed(OrderState next, OrderStatusChanged event, List<InventoryCommand> inventoryCommands,
            List<OrderCommandReply> replies) {
        return new Transition(next, true, List.of(event), inventoryCommands, replies);
    }

    public Optional<OrderState> stateToStore() {
        return stateChanged ? Optional.of(next) : Optional.empty();
    }
}
