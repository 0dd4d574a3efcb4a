package pos.schemas.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** Change the on-hand quantity of one product by a non-zero delta; refused if available would drop below zero. */
public record AdjustStock(
        String commandId,
        String storeId,
        String productId,
        BigDecimal delta,
        String reason,
        String requestedBy,
        Instant issuedAt) implements InventoryCommand {

    public AdjustStock {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (delta.signum() == 0) {
            throw new IllegalArgumentException("delta must not be zero");
        }
    }
}
