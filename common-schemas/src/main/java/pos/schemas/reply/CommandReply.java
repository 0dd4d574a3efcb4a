package pos.schemas.reply;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * The processors' decision on a command api-service waits for, on {@code pos.command-replies.v1}, keyed by
 * command id. A repeated command gets its reply again, so a retrying client still learns the outcome.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OrderCommandReply.class, name = "OrderCommandReply"),
    @JsonSubTypes.Type(value = StockCommandReply.class, name = "StockCommandReply")
})
public sealed interface CommandReply permits OrderCommandReply, StockCommandReply {

    String commandId();

    Outcome outcome();

    Instant occurredAt();
}
