package pos.inventory.domain;

import java.util.Objects;
import pos.schemas.reply.Outcome;
import pos.schemas.value.OrderStatus;

/**
 * A status command already decided: only what rebuilding its reply needs (no copy of the reply), so a retry gets
 * the first decision again. {@code from} is the status the order had, {@code requested} the one asked for.
 */
public record HandledCommand(String commandId, Outcome outcome, OrderStatus from, OrderStatus requested) {

    public HandledCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
