package pos.api.identity.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username (case-insensitive) and locks a username that fails too often, so passwords
 * cannot be guessed at full speed. State is in memory, per instance: behind a load balancer an attacker gets
 * {@code maxFailures} tries per instance per window, which still bounds the rate.
 */
public final class LoginThrottle {

    /** Above this many tracked usernames, stale entries are swept so random usernames cannot grow memory forever. */
    static final int SWEEP_THRESHOLD = 10_000;

    private final ThrottlePolicy policy;
    private final Clock clock;
    private final ConcurrentHashMap<String, Attempts> attempts = new ConcurrentHashMap<>();

    public LoginThrottle(ThrottlePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** How long this username is still locked, or empty when a login may be tried. */
    public Optional<Duration> lockedFor(String username) {
        Attempts current = attempts.get(AccountKeys.normalise(username));
        Instant now = clock.instant();
        if (current == null || current.lockedUntil() == null || !current.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.lockedUntil()));
    }

    public void recordFailure(String username) {
        Instant now = clock.instant();
        attempts.compute(AccountKeys.normalise(username), (key, current) -> next(current, now));
        if (attempts.size() > SWEEP_THRESHOLD) {
            attempts.values().removeIf(a -> a.isStale(now, policy.window()));
        }
    }

    public void recordSuccess(String username) {
        attempts.remove(AccountKeys.normalise(username));
    }

    int trackedUsernames() {
        return attempts.size();
    }

    private Attempts next(Attempts current, Instant now) {
        List<Instant> failures = new ArrayList<>();
        if (current != null && (current.lockedUntil() == null || current.lockedUntil().isAfter(now))) {
            current.failures().stream().filter(f -> f.isAfter(now.minus(policy.window()))).forEach(failures::add);
        }
        Instant lockedUntil = current == null ? null : current.lockedUntil();
        if (lockedUntil != null && !lockedUntil.isAfter(now)) {
            lockedUntil = null;
        }
        failures.add(now);
        if (failures.size() >= policy.maxFailures()) {
            return new Attempts(List.of(), now.plus(policy.lockDuration()));
        }
        return new Attempts(List.copyOf(failures), lockedUntil);
    }

    private record Attempts(List<Instant> failures, Instant lockedUntil) {

        boolean isStale(Instant now, Duration window) {
            boolean unlocked = lockedUntil == null || !lockedUntil.isAfter(now);
            return unlocked && failures.stream().noneMatch(f -> f.isAfter(now.minus(window)));
        }
    }
}
