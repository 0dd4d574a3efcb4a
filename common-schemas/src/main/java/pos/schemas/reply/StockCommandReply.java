package pos.schemas.reply;

import java.time.Instant;
import java.util.Objects;
import pos.schemas.value.StockLevel;

/** Decision on an {@code AdjustStock}: the stock after it, or why it was refused (with the stock as it is). */
public record StockCommandReply(
        String commandId,
        String storeId,
        String productId,
        Outcome outcome,
        StockLevel stock,
        String detail,
        Instant occurredAt)
        implements CommandReply {

    public StockCommandReply {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
