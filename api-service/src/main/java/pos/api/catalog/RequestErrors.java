package pos.api.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import pos.api.money.Decimal;
import pos.api.money.Sign;
import pos.api.web.ApiException;
import pos.api.web.FieldError;

/**
 * Collects a request body's field errors so the client hears about all of them at once, named as on the wire
 * ({@code display_name}, not {@code displayName}). A refusal with one of the original's messages makes that
 * message the problem's detail.
 */
final class RequestErrors {

    static final String VALIDATION_FAILED = "Validation failed";
    static final String BLANK = "must not be blank";
    static final String MISSING = "must not be null";

    private final List<FieldError> errors = new ArrayList<>();
    private String detail;

    /** The stripped text; an error if it is missing or blank. */
    String requiredText(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, BLANK);
            return null;
        }
        return value.strip();
    }

    /** The stripped text; an error if it is missing, blank or longer than {@code maxLength} characters. */
    String requiredText(String field, String value, int maxLength) {
        String stripped = requiredText(field, value);
        if (stripped != null && stripped.codePointCount(0, stripped.length()) > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return stripped;
    }

    /** The value of a decimal field; an error if it is malformed, on the wrong side of zero, or missing. */
    BigDecimal decimal(String field, Decimal value, Sign sign, boolean required) {
        if (value == null) {
            if (required) {
                add(field, MISSING);
            }
            return null;
        }
        var violation = value.violation(sign);
        violation.ifPresent(message -> add(field, message));
        return violation.isPresent() ? null : value.value();
    }

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A rule of the original with its own message, which becomes the detail. */
    void refuse(String field, String message) {
        add(field, message);
        if (detail == null) {
            detail = message;
        }
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(detail != null ? detail : VALIDATION_FAILED)
                    .with("errors", List.copyOf(errors));
        }
    }
}
