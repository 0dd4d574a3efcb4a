package pos.api.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pos.testing.MutableClock;

class LoginThrottleTest {

    static final String TILL = "192.0.2.10";
    static final String ATTACKER = "203.0.113.66";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-05T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1)), clock);

    @Test
    void allowsLoginsBelowTheLimit() {
        fail(ATTACKER, "alice", 4);
        assertThat(throttle.lockedFor(ATTACKER, "alice")).isEmpty();
    }

    @Test
    void theFifthFailureMakesThatClientWaitForThatUsername() {
        fail(ATTACKER, "alice", 5);
        assertThat(throttle.lockedFor(ATTACKER, "alice")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(400));
        assertThat(throttle.lockedFor(ATTACKER, "alice")).contains(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(throttle.lockedFor(ATTACKER, "alice")).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheMaximum() {
        var waits = new java.util.ArrayList<Duration>();
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(ATTACKER, "alice");
            var wait = throttle.lockedFor(ATTACKER, "alice").orElse(Duration.ZERO);
            waits.add(wait);
            clock.advance(wait);
        }
        assertThat(waits.subList(0, 4)).containsOnly(Duration.ZERO);
        assertThat(waits.subList(4, 10))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(32));
        assertThat(waits.subList(14, 20)).containsOnly(Duration.ofMinutes(15));
    }

    /** The lockout the original allowed: wrong passwords sent from anywhere kept the real owner out. */
    @Test
    void wrongPasswordsFromElsewhereNeverHoldUpTheOwner() {
        fail(ATTACKER, "admin", 50);
        assertThat(throttle.lockedFor(ATTACKER, "admin")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor(TILL, "admin")).isEmpty();
        assertThat(throttle.lockedFor(ATTACKER, "bob")).isEmpty();
    }

    @Test
    void forgetsFailuresAfterTheQuietPeriod() {
        fail(ATTACKER, "alice", 4);
        clock.advance(Duration.ofHours(1));
        fail(ATTACKER, "alice", 4);
        assertThat(throttle.lockedFor(ATTACKER, "alice")).isEmpty();
    }

    @Test
    void countsFailuresSpreadInsideTheQuietPeriod() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(ATTACKER, "alice");
            clock.advance(Duration.ofMinutes(59));
        }
        clock.advance(Duration.ofMinutes(-59));
        assertThat(throttle.lockedFor(ATTACKER, "alice")).isPresent();
    }

    @Test
    void treatsUsernamesWithoutRegardToCaseOrSurroundingSpace() {
        fail(ATTACKER, "Alice", 2);
        fail(ATTACKER, "ALICE ", 3);
        assertThat(throttle.lockedFor(ATTACKER, "alice")).isPresent();
    }

    @Test
    void successResetsTheCount() {
        fail(TILL, "alice", 4);
        throttle.recordSuccess(TILL, "alice");
        fail(TILL, "alice", 4);
        assertThat(throttle.lockedFor(TILL, "alice")).isEmpty();
    }

    @Test
    void sweepsForgottenPairsWhenManyAreTracked() {
        for (int i = 0; i <= LoginThrottle.SWEEP_THRESHOLD; i++) {
            throttle.recordFailure(ATTACKER, "user" + i);
        }
        clock.advance(Duration.ofHours(2));
        throttle.recordFailure(ATTACKER, "late");
        assertThat(throttle.trackedPairs()).isEqualTo(1);
    }

    @Test
    void refusesNonsensePolicies() {
        assertThatThrownBy(
                        () -> new ThrottlePolicy(0, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottlePolicy(1, Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new ThrottlePolicy(1, Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottlePolicy(1, Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWaitNeverOverflowsHoweverManyFailures() {
        var policy = new ThrottlePolicy(1, Duration.ofSeconds(1), Duration.ofDays(365), Duration.ofDays(365));
        assertThat(policy.delayAfter(Integer.MAX_VALUE)).contains(Duration.ofDays(365));
    }

    private void fail(String client, String username, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(client, username);
        }
    }
}
