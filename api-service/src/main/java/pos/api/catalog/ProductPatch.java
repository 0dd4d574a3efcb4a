package pos.api.catalog;

import com.fasterxml.jackson.annotation.JsonSetter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.mongodb.core.query.Update;
import pos.api.money.Decimal;
import pos.api.money.Sign;
import pos.schemas.Limits;

/**
 * Body of {@code PATCH /products/{id}}. A field that is absent stays as it is; an explicit {@code null} clears
 * {@code cost}, {@code unit} or {@code category_id} and is refused for {@code name} and {@code price}. The fields
 * are Optionals only to tell "absent" (null) from "sent as null" (empty), which a record cannot.
 */
final class ProductPatch {

    private Optional<String> name;
    private Optional<Decimal> price;
    private Optional<Decimal> cost;
    private Optional<String> unit;
    private Optional<String> categoryId;

    @JsonSetter("name")
    void name(String value) {
        name = Optional.ofNullable(value);
    }

    @JsonSetter("price")
    void price(Decimal value) {
        price = Optional.ofNullable(value);
    }

    @JsonSetter("cost")
    void cost(Decimal value) {
        cost = Optional.ofNullable(value);
    }

    @JsonSetter("unit")
    void unit(String value) {
        unit = Optional.ofNullable(value);
    }

    @JsonSetter("category_id")
    void categoryId(String value) {
        categoryId = Optional.ofNullable(value);
    }

    boolean changesCategory() {
        return categoryId != null;
    }

    /** The category the product moves to, null for none; only meaningful when {@link #changesCategory()}. */
    String newCategoryId() {
        return categoryId.map(CreateProductRequest::categoryOrNull).orElse(null);
    }

    /** The Mongo update for the fields sent; validation errors for the rest. Empty if nothing was sent. */
    Optional<Update> toUpdate() {
        var errors = new RequestErrors();
        var update = new Update();
        if (name != null) {
            String stored = errors.requiredText("name", name.orElse(null), Limits.MAX_PRODUCT_NAME_LENGTH);
            update.set("name", stored).set("nameLower", stored == null ? null : stored.toLowerCase(Locale.ROOT));
        }
        if (price != null) {
            update.set("price", errors.decimal("price", price.orElse(null), Sign.NON_NEGATIVE, true));
        }
        if (cost != null) {
            update.set("cost", errors.decimal("cost", cost.orElse(null), Sign.NON_NEGATIVE, false));
        }
        if (unit != null) {
            update.set("unit", CreateProductRequest.blankToNull(unit.orElse(null)));
        }
        if (changesCategory()) {
            update.set("categoryId", newCategoryId());
        }
        errors.throwIfAny();
        return update.getUpdateObject().isEmpty() ? Optional.empty() : Optional.of(update);
    }
}
