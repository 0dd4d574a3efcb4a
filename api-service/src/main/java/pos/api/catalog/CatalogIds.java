package pos.api.catalog;

import java.util.List;
import pos.api.web.ApiException;
import pos.api.web.FieldError;
import pos.schemas.value.Ids;

/** Path ids of the catalog, refused with the original's "Invalid category ID" style of message. */
final class CatalogIds {

    private CatalogIds() {}

    static String categoryId(String value) {
        return objectId(value, "category_id", "Invalid category ID");
    }

    static String productId(String value) {
        return objectId(value, "product_id", "Invalid product ID");
    }

    private static String objectId(String value, String field, String detail) {
        if (!Ids.isObjectId(value)) {
            throw ApiException.badRequest(detail)
                    .with("errors", List.of(new FieldError(field, "must be a 24-character hex ObjectId")));
        }
        return value.toLowerCase();
    }
}
