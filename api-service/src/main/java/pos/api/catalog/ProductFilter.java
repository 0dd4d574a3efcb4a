package pos.api.catalog;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The product list's filters: not archived, optionally one category, optionally a case-insensitive prefix of the
 * name or the SKU. Both prefixes are anchored and case-sensitive on normalised fields ({@code name_lower}, the
 * upper-case SKU), so MongoDB can serve them from an index.
 */
record ProductFilter(String categoryId, String prefix) {

    private static final Pattern REGEX_SPECIALS = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    Query query() {
        var criteria = Criteria.where("deletedAt").is(null);
        if (categoryId != null) {
            criteria.and("categoryId").is(categoryId);
        }
        if (prefix != null && !prefix.isBlank()) {
            String text = prefix.strip();
            criteria.orOperator(
                    Criteria.where("nameLower").regex("^" + quote(text.toLowerCase(Locale.ROOT))),
                    Criteria.where("sku").regex("^" + quote(text.toUpperCase(Locale.ROOT))));
        }
        return Query.query(criteria);
    }

    /**
     * Regular-expression syntax is escaped, so the text is matched literally. NUL is written as {@code \x00}: a
     * BSON regular expression is a C string, and a raw NUL in it failed the query (a 500, found by the fuzz test).
     */
    static String quote(String literal) {
        return REGEX_SPECIALS.matcher(literal).replaceAll("\\\\$0").replace("\u0000", "\\x00");
    }
}
