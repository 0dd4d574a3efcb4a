package pos.api.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code GET /categories/combo}, for drop-downs. */
record CategoryComboItem(
        String id,
        String name,
        @JsonProperty("display_name") String displayName) {

    static CategoryComboItem of(CategoryDocument c) {
        return new CategoryComboItem(c.id(), c.name(), c.displayName());
    }
}
