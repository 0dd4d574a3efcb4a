package pos.api.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The original's Product shape: the id as {@code _id} (kept for existing clients) and as {@code id}; archived
 * products carry {@code deleted_at} and {@code archived: true}. Decimals keep the scale they were sent with.
 */
record ProductResponse(
        @JsonProperty("_id") String mongoId,
        String id,
        String sku,
        String name,
        BigDecimal price,
        BigDecimal cost,
        String unit,
        @JsonProperty("category_id") String categoryId,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("deleted_at") Instant deletedAt,
        boolean archived) {

    static ProductResponse of(ProductDocument p) {
        return new ProductResponse(
                p.id(),
                p.id(),
                p.sku(),
                p.name(),
                p.price(),
                p.cost(),
                p.unit(),
                p.categoryId(),
                p.createdAt(),
                p.updatedAt(),
                p.deletedAt(),
                p.archived());
    }
}
