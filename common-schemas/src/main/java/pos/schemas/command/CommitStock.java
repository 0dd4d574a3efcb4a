package pos.schemas.command;

import java.time.Instant;
import java.util.Objects;

/** Turn an order's reservation into sold stock (the order was completed): on hand goes down. */
public record CommitStock(String commandId, String storeId, String orderId, Instant issuedAt)
        implements InventoryCommand {

    public CommitStock {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
