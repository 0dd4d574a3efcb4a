package pos.api.order;

import java.util.ArrayList;
import java.util.List;
import pos.api.web.ApiException;
import pos.api.web.FieldError;
import pos.schemas.Limits;
import pos.schemas.value.OrderLine;

/**
 * The limits of {@link Limits} on what a placement copies into its order from the catalog: a product created
 * before names were limited must not make an order the store ledger cannot write (400 naming the limit).
 */
final class OrderLimits {

    private OrderLimits() {}

    static void check(List<OrderLine> lines) {
        var errors = new ArrayList<FieldError>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (longer(line.name(), Limits.MAX_PRODUCT_NAME_LENGTH)) {
                errors.add(new FieldError(
                        "items[" + i + "].product_id",
                        "the product's name is longer than " + Limits.MAX_PRODUCT_NAME_LENGTH
                                + " characters; shorten it before ordering"));
            }
            if (longer(line.sku(), Limits.MAX_SKU_LENGTH)) {
                errors.add(new FieldError(
                        "items[" + i + "].product_id",
                        "the product's SKU is longer than " + Limits.MAX_SKU_LENGTH + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Product name longer than " + Limits.MAX_PRODUCT_NAME_LENGTH
                            + " characters or SKU longer than " + Limits.MAX_SKU_LENGTH)
                    .with("errors", errors);
        }
    }

    private static boolean longer(String text, int max) {
        return text != null && text.codePointCount(0, text.length()) > max;
    }
}
