package pos.inventory.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import pos.schemas.reply.StockCommandReply;

/** The reply sent for an AdjustStock command, kept so a retry of the same command id gets it again. */
public record ProcessedCommand(StockCommandReply reply, Instant processedAt) {

    public ProcessedCommand {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(processedAt, "processedAt");
    }

    boolean expired(Instant now, Duration retention) {
        return processedAt.plus(retention).isBefore(now);
    }
}
