package pos.api.identity.account;

import java.time.Duration;

/** Too many failed logins for this username: refused until the lock expires. */
public class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed login attempts; try again later");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, at least 1 (the Retry-After header has no fractions). */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
