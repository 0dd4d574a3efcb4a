package pos.api.identity.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per client and account: after {@code failuresBeforeDelay} failed logins for a username
 * from one client, that client waits before its next try for that username, twice as long after every further
 * failure (up to {@code maxDelay}). Only that pair waits: the owner logging in from their own till is never held
 * up by wrong passwords sent from elsewhere, and a guesser spread over many addresses still meets the per-client
 * login limit ({@link RateLimiter}) on each of them. State is in memory, per instance.
 */
public final class LoginThrottle {

    /** Above this many tracked pairs, forgotten ones are swept so random usernames cannot grow memory forever. */
    static final int SWEEP_THRESHOLD = 10_000;

    private final ThrottlePolicy policy;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(ThrottlePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** How long this client must still wait before trying this username again, or empty when it may try now. */
    public Optional<Duration> lockedFor(String client, String username) {
        Failures current = failures.get(key(client, username));
        Instant now = clock.instant();
        if (current == null || current.retryAt() == null || !current.retryAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.retryAt()));
    }

    public void recordFailure(String client, String username) {
        Instant now = clock.instant();
        failures.compute(key(client, username), (key, current) -> next(current, now));
        if (failures.size() > SWEEP_THRESHOLD) {
            failures.values().removeIf(f -> f.isForgotten(now, policy.forgetAfter()));
        }
    }

    public void recordSuccess(String client, String username) {
        failures.remove(key(client, username));
    }

    int trackedPairs() {
        return failures.size();
    }

    private Failures next(Failures current, Instant now) {
        int count = current == null || current.isForgotten(now, policy.forgetAfter()) ? 1 : current.count() + 1;
        return new Failures(count, now, policy.delayAfter(count).map(now::plus).orElse(null));
    }

    /** The separator cannot occur in a client address, so no two pairs share a key. */
    private static String key(String client, String username) {
        return client + '\n' + AccountKeys.normalise(username);
    }

    private record Failures(int count, Instant last, Instant retryAt) {

        boolean isForgotten(Instant now, Duration forgetAfter) {
            return !last.plus(forgetAfter).isAfter(now);
        }
    }
}
