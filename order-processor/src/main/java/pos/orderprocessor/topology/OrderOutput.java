package pos.orderprocessor.topology;

import pos.schemas.command.InventoryCommand;
import pos.schemas.event.OrderEvent;
import pos.schemas.reply.CommandReply;
import pos.schemas.value.OrderSnapshot;

/** One record the order processor emits, tagged with where it goes; the topology routes each kind to its topic. */
sealed interface OrderOutput {

    Object value();

    record Event(OrderEvent value) implements OrderOutput {
    }

    record State(OrderSnapshot value) implements OrderOutput {
    }

    record StockCommand(InventoryCommand value) implements OrderOutput {
    }

    record Reply(CommandReply value) implements OrderOutput {
    }
}
