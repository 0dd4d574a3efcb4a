package pos.api.catalog.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Category names are stored lower-cased (unique regardless of case) and SKU prefixes upper-cased, at most 10
 * characters, possibly empty. A prefix is also limited to the characters of a SKU, so every generated SKU can be
 * addressed in a URL (the original allowed any character, {@code /} included).
 */
public final class CategoryRules {

    public static final int MAX_PREFIX_LENGTH = 10;
    public static final String PREFIX_TOO_LONG = "SKU prefix must not exceed 10 characters";
    public static final String PREFIX_CHARACTERS =
            "SKU prefix may only contain A-Z, 0-9, '.', '_' and '-', and must start with a letter or digit";
    private static final Pattern PREFIX = Pattern.compile("^([A-Z0-9][A-Z0-9._-]*)?$");

    private CategoryRules() {}

    public static String normaliseName(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public static String normalisePrefix(String prefix) {
        return prefix.strip().toUpperCase(Locale.ROOT);
    }

    /** Why a normalised prefix is refused, or empty if it is fine. */
    public static Optional<String> prefixProblem(String normalisedPrefix) {
        if (normalisedPrefix.length() > MAX_PREFIX_LENGTH) {
            return Optional.of(PREFIX_TOO_LONG);
        }
        return PREFIX.matcher(normalisedPrefix).matches() ? Optional.empty() : Optional.of(PREFIX_CHARACTERS);
    }
}
