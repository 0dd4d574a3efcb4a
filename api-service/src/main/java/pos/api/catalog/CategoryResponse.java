package pos.api.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The original's Category shape (ORIGINAL.md §2.1), id as {@code id}, timestamps in UTC with a Z. */
record CategoryResponse(
        String id,
        String name,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("sku_prefix") String skuPrefix,
        String description,
        boolean active,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    static CategoryResponse of(CategoryDocument c) {
        return new CategoryResponse(
                c.id(),
                c.name(),
                c.displayName(),
                c.skuPrefix(),
                c.description(),
                c.active(),
                c.createdAt(),
                c.updatedAt());
    }
}
