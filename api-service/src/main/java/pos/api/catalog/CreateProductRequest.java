package pos.api.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import pos.api.catalog.domain.SkuRules;
import pos.api.money.Decimal;
import pos.api.money.Sign;
import pos.schemas.Limits;
import pos.schemas.value.Ids;

/** Body of {@code POST /products/}: name and price required; category, SKU, cost and unit optional. */
record CreateProductRequest(
        String name,
        Decimal price,
        Decimal cost,
        String unit,
        @JsonProperty("category_id") String categoryId,
        String sku) {

    static final String INVALID_SKU = "must match " + SkuRules.CLIENT_SKU.pattern() + " after upper-casing";

    NewProduct toNewProduct() {
        var errors = new RequestErrors();
        String storedName = errors.requiredText("name", name, Limits.MAX_PRODUCT_NAME_LENGTH);
        var storedPrice = errors.decimal("price", price, Sign.NON_NEGATIVE, true);
        var storedCost = errors.decimal("cost", cost, Sign.NON_NEGATIVE, false);
        String storedSku = null;
        if (sku != null && !sku.isBlank()) {
            storedSku = SkuRules.normaliseClientSku(sku).orElse(null);
            if (storedSku == null) {
                errors.add("sku", INVALID_SKU);
            }
        }
        errors.throwIfAny();
        return new NewProduct(
                storedName, storedPrice, storedCost, blankToNull(unit), categoryOrNull(categoryId), storedSku);
    }

    /** Blank means none; a malformed id is kept so the category check refuses it with the original's message. */
    static String categoryOrNull(String categoryId) {
        if (categoryId == null || categoryId.isBlank()) {
            return null;
        }
        return Ids.isObjectId(categoryId) ? categoryId.toLowerCase() : categoryId;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
