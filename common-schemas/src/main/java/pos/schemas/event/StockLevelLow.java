package pos.schemas.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** Available stock of a product fell to or below its low-stock threshold. */
public record StockLevelLow(
        String eventId,
        String storeId,
        String productId,
        BigDecimal available,
        BigDecimal threshold,
        long version,
        Instant occurredAt)
        implements InventoryEvent {

    public StockLevelLow {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
