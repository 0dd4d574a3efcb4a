package pos.orderprocessor.domain;

import pos.schemas.reply.OrderCommandReply;

import java.util.Objects;

/** A status command already decided, kept so a retry gets the same reply instead of a second decision. */
public record HandledCommand(String commandId, OrderCommandReply reply) {

    public HandledCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(reply, "reply");
    }
}
