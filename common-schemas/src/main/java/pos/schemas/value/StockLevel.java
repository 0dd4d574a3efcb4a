package pos.schemas.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Stock of one product in one store after a change. {@code version} counts the changes of this (store, product)
 * from 1; available = on hand - reserved.
 */
public record StockLevel(
        String storeId,
        String productId,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal available,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public StockLevel {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(onHand, "onHand");
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(available, "available");
    }
}
