package pos.api.catalog.domain;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Generated SKUs: {@code {PREFIX}-{YYYYMMDD}-{CODE}}, the date in UTC (the original used the server's local
 * date). CODE has 4 characters from A-Z0-9 for the first {@link #SHORT_CODE_ATTEMPTS} attempts, then 8: a prefix
 * with thousands of products a day would otherwise run out of 4-character codes. Uniqueness itself is the unique
 * index's job; the caller retries with the next attempt number when an insert collides.
 */
public final class SkuGenerator {

    public static final int SHORT_CODE_ATTEMPTS = 10;
    public static final int MAX_ATTEMPTS = 20;
    public static final int SHORT_CODE_LENGTH = 4;
    public static final int LONG_CODE_LENGTH = 8;
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final RandomGenerator random;

    public SkuGenerator(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * A candidate SKU for the given attempt (0-based).
     *
     * @param prefix the category's prefix, or null/blank for {@link SkuRules#FALLBACK_PREFIX}
     */
    public String generate(String prefix, int attempt) {
        if (attempt < 0 || attempt >= MAX_ATTEMPTS) {
            throw new IllegalArgumentException("attempt must be in 0.." + (MAX_ATTEMPTS - 1) + ": " + attempt);
        }
        int length = attempt < SHORT_CODE_ATTEMPTS ? SHORT_CODE_LENGTH : LONG_CODE_LENGTH;
        return SkuRules.prefixFor(prefix) + "-" + DAY.format(clock.instant()) + "-" + code(length);
    }

    private String code(int length) {
        var code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
