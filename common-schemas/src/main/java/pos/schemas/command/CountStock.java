package pos.schemas.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A physical count of one product: the ledger sets on hand to {@code counted} and records the difference from what
 * it held at that moment as one movement, so a count racing an order is still right. Refused if fewer were counted
 * than orders have reserved.
 */
public record CountStock(
        String commandId,
        String storeId,
        String productId,
        BigDecimal counted,
        String note,
        String requestedBy,
        Instant issuedAt)
        implements InventoryCommand {

    public CountStock {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(counted, "counted");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (counted.signum() < 0) {
            throw new IllegalArgumentException("counted must not be negative");
        }
    }
}
