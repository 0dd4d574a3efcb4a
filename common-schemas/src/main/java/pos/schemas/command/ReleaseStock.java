package pos.schemas.command;

import java.time.Instant;
import java.util.Objects;

/** Give an order's reservation back (the order was cancelled). */
public record ReleaseStock(String commandId, String storeId, String orderId, Instant issuedAt)
        implements InventoryCommand {

    public ReleaseStock {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
