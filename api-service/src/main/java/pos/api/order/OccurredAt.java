package pos.api.order;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When a device says a sale happened ({@code occurred_at} on POST /orders/): an ISO-8601 UTC instant no further in
 * the past than the Idempotency-Key retention (an offline till retries within it, and nothing older can be told
 * apart from a new sale) and no further in the future than a small clock skew. Pure: the time is a parameter.
 */
record OccurredAt(Duration maxAge, Duration clockSkew) {

    /** How far ahead of the server's clock a device's may run (the same allowance tokens get). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    OccurredAt {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(clockSkew, "clockSkew");
    }

    /**
     * @return the instant, or null when none was sent
     * @throws IllegalArgumentException naming what is wrong with it
     */
    Instant check(String value, Instant now) {
        if (value == null) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 UTC instant such as 2026-01-31T09:15:00Z");
        }
        if (at.isAfter(now.plus(clockSkew))) {
            throw new IllegalArgumentException("must not be in the future (more than " + clockSkew.toSeconds()
                    + " s ahead of the server's clock)");
        }
        if (at.isBefore(now.minus(maxAge))) {
            throw new IllegalArgumentException("must be at most " + maxAge.toHours() + " h in the past");
        }
        return at;
    }
}
