package pos.api.identity.domain;

import java.time.Duration;

/** After {@code maxFailures} failed logins within {@code window}, that username is refused for {@code lockDuration}. */
public record ThrottlePolicy(int maxFailures, Duration window, Duration lockDuration) {

    public ThrottlePolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (window.isNegative() || window.isZero() || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("window and lockDuration must be positive");
        }
    }
}
