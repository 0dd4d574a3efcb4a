package pos.schemas.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A product was created, changed or archived; the record holds the product as it is now. */
public record ProductChanged(
        String eventId,
        String productId,
        long version,
        String sku,
        String name,
        BigDecimal price,
        BigDecimal cost,
        String unit,
        String categoryId,
        boolean archived,
        Instant occurredAt)
        implements CatalogEvent {

    public ProductChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
