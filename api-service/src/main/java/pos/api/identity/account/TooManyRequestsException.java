package pos.api.identity.account;

import java.time.Duration;
import pos.api.web.ApiException;

/** Refused for now, to slow down guessing or flooding: answered 429 with Retry-After. */
class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, at least 1 (the Retry-After header has no fractions). */
    public long retryAfterSeconds() {
        return ApiException.retryAfterSeconds(retryAfter);
    }
}
