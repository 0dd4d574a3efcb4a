package pos.api.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import pos.api.web.ApiException;

/** Category use cases: create, replace or reactivate, soft delete. Reads go straight to {@link MongoCategories}. */
class Categories {

    static final String NOT_FOUND = "Category not found";
    static final String INACTIVE = "Category is inactive; send \"active\": true to reactivate it";

    private final MongoCategories categories;
    private final MongoProducts products;
    private final Clock clock;

    Categories(MongoCategories categories, MongoProducts products, Clock clock) {
        this.categories = categories;
        this.products = products;
        this.clock = clock;
    }

    CategoryDocument create(NewCategory category) {
        var now = now();
        try {
            return categories.insert(new CategoryDocument(
                    new ObjectId().toHexString(),
                    category.name(),
                    category.displayName(),
                    category.skuPrefix(),
                    category.description(),
                    true,
                    now,
                    now));
        } catch (DuplicateKeyException e) {
            throw nameTaken(category.sentName());
        }
    }

    CategoryDocument get(String id) {
        return categories.find(id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** Inactive categories are not edited unless the same request reactivates them. */
    CategoryDocument replace(String id, CategoryEdit edit) {
        if (!get(id).active() && !edit.reactivate()) {
            throw ApiException.conflict(INACTIVE);
        }
        try {
            return categories.replace(id, edit, now()).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        } catch (DuplicateKeyException e) {
            throw nameTaken(edit.sentName());
        }
    }

    /**
     * Soft delete, refused while products that are not archived use the category. The flag is cleared before
     * counting and restored on refusal: a product created at the same moment re-checks the category after its
     * insert (see {@link Products}), so one of the two always sees the other and no product is left in an inactive
     * category.
     */
    void delete(String id) {
        var before = categories.setActive(id, false, now()).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        long referencing = products.countNotArchivedInCategory(id);
        if (referencing > 0) {
            if (before.active()) {
                categories.setActive(id, true, before.updatedAt());
            }
            throw ApiException.conflict(
                    "Cannot delete category: " + referencing + " product(s) reference this category");
        }
    }

    private static ApiException nameTaken(String sentName) {
        return ApiException.badRequest("Category with name '" + sentName + "' already exists");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
