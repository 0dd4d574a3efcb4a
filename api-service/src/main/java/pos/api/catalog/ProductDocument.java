package pos.api.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * A product as stored in {@code products}. Besides the original's fields: {@code deleted_at} marks an archived
 * product, {@code name_lower} serves the case-insensitive prefix search, and {@code version} / {@code published}
 * / {@code changed_at} drive publishing of changes to Kafka (each change bumps the version and clears published).
 */
@Document(MongoProducts.COLLECTION)
record ProductDocument(
        @Id String id,
        String sku,
        String name,
        @Field("name_lower") String nameLower,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal price,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal cost,
        String unit,

        @Field(name = "category_id", targetType = FieldType.OBJECT_ID)
        String categoryId,

        @Field("created_at") Instant createdAt,
        @Field("updated_at") Instant updatedAt,
        @Field("deleted_at") Instant deletedAt,
        long version,
        boolean published,
        @Field("changed_at") Instant changedAt) {

    boolean archived() {
        return deletedAt != null;
    }
}
