package pos.api.identity.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * Failed logins of one client for one username: the {@code failuresBeforeDelay}-th makes that client wait
 * {@code firstDelay} before trying that username again, each further one twice as long, at most {@code maxDelay}.
 * The count starts again after a success, or once {@code forgetAfter} has passed since the last failure.
 */
public record ThrottlePolicy(int failuresBeforeDelay, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    public ThrottlePolicy {
        if (failuresBeforeDelay < 1) {
            throw new IllegalArgumentException("failuresBeforeDelay must be at least 1");
        }
        if (!isPositive(firstDelay) || !isPositive(maxDelay) || !isPositive(forgetAfter)) {
            throw new IllegalArgumentException("firstDelay, maxDelay and forgetAfter must be positive");
        }
        if (maxDelay.compareTo(firstDelay) < 0 || forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("need firstDelay <= maxDelay <= forgetAfter");
        }
    }

    /** How long to wait after the {@code failures}-th failure in a row, or empty when no wait is due yet. */
    public Optional<Duration> delayAfter(int failures) {
        int doublings = failures - failuresBeforeDelay;
        if (doublings < 0) {
            return Optional.empty();
        }
        // 2^31 seconds is already far beyond any sensible maxDelay: stop doubling before the arithmetic overflows
        Duration delay = firstDelay;
        for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
