package pos.api.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Instants in query parameters: ISO-8601 in UTC, or absent. */
public final class Instants {

    private Instants() {}

    /** Null when absent or blank; 400 naming the parameter when it is not an ISO-8601 UTC instant. */
    public static Instant optional(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    "Invalid " + name + ": expected an ISO-8601 UTC instant such as " + "2026-01-31T00:00:00Z");
        }
    }
}
