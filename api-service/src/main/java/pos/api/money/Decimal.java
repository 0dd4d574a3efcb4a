package pos.api.money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A money or quantity value as a client sent it (ORIGINAL.md §1.2): a string or number with at most 2 decimal
 * places once trailing zeros are dropped and at most 16 integer digits. The scale sent is kept ("2.50" stays
 * "2.50", "2.500" stays "2.500"); exponent forms are accepted and kept as plain decimals ("1e3" is 1000, never
 * "1E+3", because every response writes plain decimals).
 *
 * <p>Input that breaks these rules does not fail the JSON parsing: it becomes an invalid {@code Decimal} that
 * remembers what was sent, so validation can report every bad field at once, each with the original's message.
 */
public final class Decimal {

    /** The original service's message for any malformed decimal, kept for existing clients. */
    public static final String INVALID_MESSAGE = "Format angka tidak didukung (16:2)";

    public static final int MAX_INTEGER_DIGITS = 16;
    public static final int MAX_FRACTION_DIGITS = 2;

    /**
     * The longest text read as a decimal. The longest acceptable value is far shorter (sign, 16 digits, point, a
     * few trailing zeros, an exponent); anything longer is refused before any parsing, so a megabyte of digits
     * costs no more than any other bad value.
     */
    public static final int MAX_TEXT_LENGTH = 64;
    /** The largest exponent magnitude read; a 16:2 value never needs more, and BigDecimal pays for every power. */
    public static final int MAX_EXPONENT = 64;

    /**
     * ASCII digits only: BigDecimal alone would also take other scripts' digits. Possessive quantifiers never
     * backtrack, so matching is linear in the text's length.
     */
    private static final Pattern NOTATION = Pattern.compile("[+-]?+(\\d++\\.?+\\d*+|\\.\\d++)(?:[eE]([+-]?+\\d++))?+");

    private final BigDecimal value;
    private final String input;

    private Decimal(BigDecimal value, String input) {
        this.value = value;
        this.input = input;
    }

    /** Never throws: text that is not an acceptable decimal gives an invalid {@code Decimal}. */
    public static Decimal parse(String text) {
        return read(text).map(v -> new Decimal(v, text)).orElseGet(() -> invalid(String.valueOf(text)));
    }

    /** A value that is not a decimal at all (a boolean, an object, an array...), described by {@code input}. */
    public static Decimal invalid(String input) {
        return new Decimal(null, Objects.requireNonNull(input, "input"));
    }

    /** A trusted value (tests, defaults); throws if it breaks the rules a client's value must follow. */
    public static Decimal of(BigDecimal value) {
        return read(value.toString())
                .map(v -> new Decimal(v, value.toString()))
                .orElseThrow(() -> new IllegalArgumentException(INVALID_MESSAGE + ": " + value));
    }

    private static Optional<BigDecimal> read(String text) {
        if (text == null || text.length() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        var notation = NOTATION.matcher(trimmed);
        if (!notation.matches()) {
            return Optional.empty(); // empty, NaN, Infinity, "1,5", "0x10"...
        }
        String exponent = notation.group(2);
        if (exponent != null && (exponent.length() > 6 || Math.abs(Integer.parseInt(exponent)) > MAX_EXPONENT)) {
            return Optional.empty(); // "1e2147483647" would make BigDecimal build a number of two billion digits
        }
        BigDecimal parsed = new BigDecimal(trimmed);
        BigDecimal normalised = parsed.stripTrailingZeros();
        if (normalised.scale() > MAX_FRACTION_DIGITS || integerDigits(normalised) > MAX_INTEGER_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(parsed.scale() < 0 ? parsed.setScale(0) : parsed);
    }

    /** In long arithmetic: precision minus a scale near Integer.MIN_VALUE overflows an int. */
    private static long integerDigits(BigDecimal normalised) {
        return Math.max(0L, (long) normalised.precision() - normalised.scale());
    }

    public boolean isValid() {
        return value != null;
    }

    /** The value; only for a valid decimal. */
    public BigDecimal value() {
        if (value == null) {
            throw new IllegalStateException("not a valid decimal: " + input);
        }
        return value;
    }

    /** What the client sent, as text. */
    public String input() {
        return input;
    }

    /** Why this value is refused for a field with this sign rule, or empty when it is accepted. */
    public Optional<String> violation(Sign sign) {
        if (!isValid()) {
            return Optional.of(INVALID_MESSAGE);
        }
        return sign.accepts(value) ? Optional.empty() : Optional.of(sign.message());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decimal d && Objects.equals(value, d.value) && (value != null || input.equals(d.input));
    }

    @Override
    public int hashCode() {
        return value != null ? value.hashCode() : input.hashCode();
    }

    @Override
    public String toString() {
        return isValid() ? value.toPlainString() : "invalid(" + input + ")";
    }
}
