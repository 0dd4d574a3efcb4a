package pos.api.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import pos.api.web.ApiException;

/**
 * Product use cases. Each write is one single-document Mongo operation, then the change is published to Kafka
 * (see {@link KafkaProductChanges}; a failed publish is retried by {@link ProductRepublisher}, the answer does not
 * wait for it).
 */
class Products {

    static final String NOT_FOUND = "Product not found";
    static final String INVALID_CATEGORY = "Invalid or inactive category";
    static final String SKU_TAKEN = "SKU already exists";
    static final String ARCHIVED = "Product is archived";

    private final MongoProducts products;
    private final MongoCategories categories;
    private final SkuAssignment skus;
    private final KafkaProductChanges changes;
    private final Clock clock;

    Products(
            MongoProducts products,
            MongoCategories categories,
            SkuAssignment skus,
            KafkaProductChanges changes,
            Clock clock) {
        this.products = products;
        this.categories = categories;
        this.skus = skus;
        this.changes = changes;
        this.clock = clock;
    }

    ProductDocument create(NewProduct product) {
        String prefix = product.categoryId() == null
                ? null
                : activeCategory(product.categoryId()).skuPrefix();
        var now = now();
        var id = new ObjectId().toHexString();
        var saved = product.sku() != null
                ? insertWithClientSku(id, product, now)
                : skus.withGeneratedSku(prefix, sku -> products.insert(document(id, product, sku, now)));
        // the category may have been deleted while we inserted; Categories.delete counts after deactivating
        if (product.categoryId() != null
                && categories.findActive(product.categoryId()).isEmpty()) {
            products.remove(id);
            throw ApiException.badRequest(INVALID_CATEGORY);
        }
        changes.publish(id);
        return saved;
    }

    ProductDocument get(String id) {
        return products.find(id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    ProductDocument patch(String id, ProductPatch patch) {
        var update = patch.toUpdate();
        var current = get(id);
        if (current.archived()) {
            throw ApiException.conflict(ARCHIVED);
        }
        if (update.isEmpty()) {
            return current;
        }
        String newCategory = patch.changesCategory() ? patch.newCategoryId() : null;
        if (newCategory != null) {
            activeCategory(newCategory);
        }
        var changed = products.change(id, update.get(), now()).orElseThrow(() -> ApiException.conflict(ARCHIVED));
        if (newCategory != null && categories.findActive(newCategory).isEmpty()) {
            products.change(id, Update.update("categoryId", current.categoryId()), now());
            throw ApiException.badRequest(INVALID_CATEGORY);
        }
        changes.publish(id);
        return changed;
    }

    /** Archiving twice is fine: the second call answers the archived product unchanged. */
    ProductDocument archive(String id) {
        var current = get(id);
        if (current.archived()) {
            return current;
        }
        var now = now();
        var archived = products.change(id, Update.update("deletedAt", now), now).orElseGet(() -> get(id));
        changes.publish(id);
        return archived;
    }

    ProductDocument regenerateSku(String sku) {
        var product = products.findBySku(sku.strip()).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        if (product.archived()) {
            throw ApiException.conflict(ARCHIVED);
        }
        String prefix = product.categoryId() == null
                ? null
                : categories
                        .findActive(product.categoryId())
                        .map(CategoryDocument::skuPrefix)
                        .orElse(null);
        var now = now();
        var changed = skus.withGeneratedSku(
                prefix,
                candidate -> products.change(product.id(), Update.update("sku", candidate), now)
                        .orElseThrow(() -> ApiException.conflict(ARCHIVED)));
        changes.publish(product.id());
        return changed;
    }

    private CategoryDocument activeCategory(String categoryId) {
        return categories.findActive(categoryId).orElseThrow(() -> ApiException.badRequest(INVALID_CATEGORY));
    }

    private ProductDocument insertWithClientSku(String id, NewProduct product, Instant now) {
        try {
            return products.insert(document(id, product, product.sku(), now));
        } catch (DuplicateKeyException e) {
            throw ApiException.badRequest(SKU_TAKEN);
        }
    }

    private static ProductDocument document(String id, NewProduct p, String sku, Instant now) {
        return new ProductDocument(
                id,
                sku,
                p.name(),
                p.name().toLowerCase(Locale.ROOT),
                p.price(),
                p.cost(),
                p.unit(),
                p.categoryId(),
                now,
                null,
                null,
                1,
                false,
                now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
