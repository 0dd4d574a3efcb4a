package pos.api.catalog.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a SKU may look like. Clients may choose their own SKU, trimmed and upper-cased, from letters, digits and
 * {@code . _ -}; it must start with a letter or digit so it is always addressable in a URL path (the original
 * accepted any string, including {@code /}). Generated SKUs match the same pattern.
 */
public final class SkuRules {

    public static final Pattern CLIENT_SKU = Pattern.compile("^[A-Z0-9][A-Z0-9._-]{1,63}$");
    /** Used when a product has no category, or its category is inactive or has an empty prefix. */
    public static final String FALLBACK_PREFIX = "PRD";

    private SkuRules() {}

    /** The SKU as stored, or empty if it does not match {@link #CLIENT_SKU} once trimmed and upper-cased. */
    public static Optional<String> normaliseClientSku(String sku) {
        if (sku == null) {
            return Optional.empty();
        }
        String normalised = sku.strip().toUpperCase(Locale.ROOT);
        return CLIENT_SKU.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
    }

    /** The prefix for generated SKUs: the active category's own, or {@link #FALLBACK_PREFIX}. */
    public static String prefixFor(String activeCategoryPrefix) {
        return activeCategoryPrefix == null || activeCategoryPrefix.isBlank() ? FALLBACK_PREFIX : activeCategoryPrefix;
    }
}
