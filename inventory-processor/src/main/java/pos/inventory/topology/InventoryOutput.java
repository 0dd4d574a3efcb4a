package pos.inventory.topology;

import pos.schemas.event.InventoryEvent;
import pos.schemas.event.ReservationResult;
import pos.schemas.reply.CommandReply;

/** What the command processor emits; the topology routes each kind to its topic with its serde. */
public sealed interface InventoryOutput {

    /** Keyed by store id. */
    record Event(InventoryEvent event) implements InventoryOutput {
    }

    /** Keyed by order id. */
    record Result(ReservationResult result) implements InventoryOutput {
    }

    /** Keyed by command id. */
    record Reply(CommandReply reply) implements InventoryOutput {
    }
}
