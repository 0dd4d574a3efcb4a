package pos.inventory.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import pos.schemas.command.AdjustStock;

/**
 * The kinds of stock adjustment and how a free-text reason maps to one. A command with a valid
 * {@code reason_code} keeps it; one without (every adjustment sent before codes existed, and clients that only send
 * a reason) gets the code its reason names, by its first word ("Delivery from Acme" is a {@code delivery},
 * "expired milk" is {@code waste}), or {@code correction} when it names none. The reason itself stays the note.
 */
public final class AdjustmentReasons {

    public static final String DELIVERY = "delivery";
    public static final String COUNT = "count";
    public static final String WASTE = "waste";
    public static final String RETURN = "return";
    public static final String TRANSFER = "transfer";
    public static final String CORRECTION = "correction";
    /** Every code, in the order the API documents them. */
    public static final List<String> CODES = AdjustStock.REASON_CODES;

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("delivery", DELIVERY),
            Map.entry("deliveries", DELIVERY),
            Map.entry("delivered", DELIVERY),
            Map.entry("receipt", DELIVERY),
            Map.entry("received", DELIVERY),
            Map.entry("restock", DELIVERY),
            Map.entry("count", COUNT),
            Map.entry("counted", COUNT),
            Map.entry("stocktake", COUNT),
            Map.entry("waste", WASTE),
            Map.entry("wasted", WASTE),
            Map.entry("spoiled", WASTE),
            Map.entry("spoilage", WASTE),
            Map.entry("damaged", WASTE),
            Map.entry("damage", WASTE),
            Map.entry("expired", WASTE),
            Map.entry("breakage", WASTE),
            Map.entry("broken", WASTE),
            Map.entry("return", RETURN),
            Map.entry("returns", RETURN),
            Map.entry("returned", RETURN),
            Map.entry("refund", RETURN),
            Map.entry("transfer", TRANSFER),
            Map.entry("transferred", TRANSFER),
            Map.entry("transfers", TRANSFER),
            Map.entry("correction", CORRECTION),
            Map.entry("correct", CORRECTION),
            Map.entry("fix", CORRECTION));

    private AdjustmentReasons() {}

    /** Whether {@code code} is one of {@link #CODES} (exactly, lower case). */
    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }

    /** The code of an adjustment: {@code reasonCode} when it is one, else what {@code reason} names, else correction. */
    public static String codeFor(String reasonCode, String reason) {
        if (isCode(reasonCode)) {
            return reasonCode;
        }
        return named(reason).orElse(CORRECTION);
    }

    /** The code the first word of a free-text reason names, if any. */
    static Optional<String> named(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        String text = reason.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return Optional.ofNullable(WORDS.get(text.substring(0, end)));
    }
}
