package pos.api.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import pos.api.web.Paging;

/**
 * The {@code categories} collection. Name uniqueness is the unique index's job (a race gives a
 * {@link org.springframework.dao.DuplicateKeyException}, never two categories); inactive categories keep their
 * name.
 */
class MongoCategories {

    static final String COLLECTION = "categories";
    private static final Sort STABLE = Sort.by("createdAt", "id");

    private final MongoTemplate mongo;

    MongoCategories(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void createIndexes() {
        mongo.indexOps(CategoryDocument.class)
                .createIndex(new Index().on("name", Sort.Direction.ASC).unique().named("categories_name_unique"));
        mongo.indexOps(CategoryDocument.class)
                .createIndex(new Index()
                        .on("active", Sort.Direction.ASC)
                        .on("display_name", Sort.Direction.ASC)
                        .named("categories_active_display_name"));
    }

    CategoryDocument insert(CategoryDocument category) {
        return mongo.insert(category);
    }

    Optional<CategoryDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CategoryDocument.class));
    }

    Optional<CategoryDocument> findActive(String id) {
        return find(id).filter(CategoryDocument::active);
    }

    List<CategoryDocument> list(boolean activeOnly, Paging paging) {
        return mongo.find(
                filter(activeOnly).with(STABLE).skip(paging.skip()).limit(paging.limit()), CategoryDocument.class);
    }

    long count(boolean activeOnly) {
        return mongo.count(filter(activeOnly), CategoryDocument.class);
    }

    List<CategoryDocument> byDisplayName(boolean activeOnly) {
        return mongo.find(filter(activeOnly).with(Sort.by("displayName", "id")), CategoryDocument.class);
    }

    /** Replaces the editable fields (and reactivates when asked); the category as it is now, or empty if unknown. */
    Optional<CategoryDocument> replace(String id, CategoryEdit edit, Instant now) {
        var update = new Update().set("updatedAt", now);
        if (edit.hasFields()) {
            update.set("name", edit.name())
                    .set("displayName", edit.displayName())
                    .set("skuPrefix", edit.skuPrefix())
                    .set("description", edit.description());
        }
        if (edit.reactivate()) {
            update.set("active", true);
        }
        return Optional.ofNullable(mongo.findAndModify(
                byId(id), update, FindAndModifyOptions.options().returnNew(true), CategoryDocument.class));
    }

    /** Sets the active flag; the category as it was before, or empty if unknown. */
    Optional<CategoryDocument> setActive(String id, boolean active, Instant updatedAt) {
        var update = new Update().set("active", active).set("updatedAt", updatedAt);
        return Optional.ofNullable(mongo.findAndModify(byId(id), update, CategoryDocument.class));
    }

    private static Query filter(boolean activeOnly) {
        return activeOnly ? Query.query(Criteria.where("active").is(true)) : new Query();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("id").is(id));
    }
}
