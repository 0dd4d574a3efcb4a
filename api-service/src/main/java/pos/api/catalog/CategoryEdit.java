package pos.api.catalog;

/**
 * A validated PUT: either the full set of editable fields (a replacement: an omitted description becomes null),
 * or none of them with {@code "active": true} alone, which only reactivates. {@code reactivate} may accompany
 * the fields too.
 */
record CategoryEdit(
        String sentName, String name, String displayName, String skuPrefix, String description, boolean reactivate) {

    boolean hasFields() {
        return name != null;
    }
}
