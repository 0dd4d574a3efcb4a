package pos.api.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import pos.api.catalog.domain.CategoryRules;

/** Body of {@code POST /categories/} and {@code PUT /categories/{id}}. */
record CategoryRequest(
        String name,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("sku_prefix") String skuPrefix,
        String description,
        Boolean active) {

    static final String DEACTIVATE_WITH_DELETE = "use DELETE /categories/{id} to deactivate a category";

    /** POST: name, display_name and sku_prefix are required; {@code active} is ignored (new ones are active). */
    NewCategory toNewCategory() {
        var errors = new RequestErrors();
        var fields = fields(errors);
        errors.throwIfAny();
        return new NewCategory(name, fields.name(), fields.displayName(), fields.skuPrefix(), fields.description());
    }

    /** PUT: the fields as in POST, or only {@code "active": true}; {@code active: false} is DELETE's job. */
    CategoryEdit toEdit() {
        var errors = new RequestErrors();
        boolean onlyReactivation = name == null
                && displayName == null
                && skuPrefix == null
                && description == null
                && Boolean.TRUE.equals(active);
        if (Boolean.FALSE.equals(active)) {
            errors.add("active", DEACTIVATE_WITH_DELETE);
        }
        var fields = onlyReactivation ? null : fields(errors);
        errors.throwIfAny();
        return fields == null
                ? new CategoryEdit(null, null, null, null, null, true)
                : new CategoryEdit(
                        name,
                        fields.name(),
                        fields.displayName(),
                        fields.skuPrefix(),
                        fields.description(),
                        Boolean.TRUE.equals(active));
    }

    private NewCategory fields(RequestErrors errors) {
        String storedName = errors.requiredText("name", name);
        String storedDisplayName = errors.requiredText("display_name", displayName);
        String storedPrefix = null;
        if (skuPrefix == null) {
            errors.add("sku_prefix", RequestErrors.MISSING);
        } else {
            storedPrefix = CategoryRules.normalisePrefix(skuPrefix);
            CategoryRules.prefixProblem(storedPrefix).ifPresent(problem -> errors.refuse("sku_prefix", problem));
        }
        return new NewCategory(
                name,
                storedName == null ? null : CategoryRules.normaliseName(storedName),
                storedDisplayName,
                storedPrefix,
                description);
    }
}
