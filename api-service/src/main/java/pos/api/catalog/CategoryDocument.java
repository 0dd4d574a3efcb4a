package pos.api.catalog;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/** A category as stored in {@code categories}: the original's fields; {@code active} is the soft-delete flag. */
@Document(MongoCategories.COLLECTION)
record CategoryDocument(
        @Id String id,
        String name,
        @Field("display_name") String displayName,
        @Field("sku_prefix") String skuPrefix,
        String description,
        boolean active,
        @Field("created_at") Instant createdAt,
        @Field("updated_at") Instant updatedAt) {}
