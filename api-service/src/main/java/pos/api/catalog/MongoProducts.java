package pos.api.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import pos.api.web.Paging;

/**
 * The {@code products} collection. SKU uniqueness is the unique index's job: inserts and SKU changes that collide
 * raise {@link org.springframework.dao.DuplicateKeyException}. Every change bumps {@code version} and marks the
 * product unpublished, in the same single-document write.
 */
class MongoProducts {

    static final String COLLECTION = "products";
    private static final Sort STABLE = Sort.by("createdAt", "id");

    private final MongoTemplate mongo;

    MongoProducts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void createIndexes() {
        var indexes = mongo.indexOps(ProductDocument.class);
        indexes.createIndex(new Index().on("sku", Sort.Direction.ASC).unique().named("products_sku_unique"));
        indexes.createIndex(new Index()
                .on("category_id", Sort.Direction.ASC)
                .on("deleted_at", Sort.Direction.ASC)
                .named("products_category"));
        indexes.createIndex(new Index().on("name_lower", Sort.Direction.ASC).named("products_name_lower"));
        indexes.createIndex(new Index()
                .on("created_at", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC)
                .named("products_created"));
        indexes.createIndex(new Index()
                .on("published", Sort.Direction.ASC)
                .on("changed_at", Sort.Direction.ASC)
                .named("products_unpublished"));
    }

    ProductDocument insert(ProductDocument product) {
        return mongo.insert(product);
    }

    void remove(String id) {
        mongo.remove(byId(id), ProductDocument.class);
    }

    Optional<ProductDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ProductDocument.class));
    }

    /** By SKU as sent or upper-cased: every SKU this service stores is upper-case. */
    Optional<ProductDocument> findBySku(String sku) {
        var query = Query.query(Criteria.where("sku").in(sku, sku.toUpperCase(Locale.ROOT)));
        return Optional.ofNullable(mongo.findOne(query, ProductDocument.class));
    }

    /** By id alone, then filtered here: mongo-java-server serves only an {@code _id}-only filter from its index. */
    List<ProductDocument> findNotArchived(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("id").in(ids)), ProductDocument.class).stream()
                .filter(product -> !product.archived())
                .toList();
    }

    List<ProductDocument> list(ProductFilter filter, Paging paging) {
        return mongo.find(filter.query().with(STABLE).skip(paging.skip()).limit(paging.limit()), ProductDocument.class);
    }

    long count(ProductFilter filter) {
        return mongo.count(filter.query(), ProductDocument.class);
    }

    long countNotArchivedInCategory(String categoryId) {
        return mongo.count(
                Query.query(Criteria.where("categoryId")
                        .is(categoryId)
                        .and("deletedAt")
                        .is(null)),
                ProductDocument.class);
    }

    /** Applies a change to a product that is not archived; the product as it is now, or empty if none matched. */
    Optional<ProductDocument> change(String id, Update update, Instant now) {
        update.set("updatedAt", now)
                .set("changedAt", now)
                .set("published", false)
                .inc("version", 1);
        var query = Query.query(Criteria.where("id").is(id).and("deletedAt").is(null));
        return Optional.ofNullable(mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), ProductDocument.class));
    }

    /** Records that this version reached Kafka, unless a newer change came in meanwhile. */
    void markPublished(String id, long version) {
        mongo.updateFirst(
                Query.query(Criteria.where("id").is(id).and("version").is(version)),
                Update.update("published", true),
                ProductDocument.class);
    }

    /** Ids of products whose latest change was not published and is older than {@code changedBefore}. */
    List<String> findUnpublished(Instant changedBefore, int limit) {
        var query = Query.query(
                        Criteria.where("published").is(false).and("changed_at").lt(changedBefore))
                .with(Sort.by("changed_at"))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(d -> d.getObjectId("_id").toHexString())
                .toList();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("id").is(id));
    }
}
