package pos.api.identity.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-05T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new ThrottlePolicy(5, Duration.ofMinutes(5), Duration.ofSeconds(60)), clock);

    @Test
    void allowsLoginsBelowTheLimit() {
        fail("alice", 4);
        assertThat(throttle.lockedFor("alice")).isEmpty();
    }

    @Test
    void locksTheUsernameForTheLockDurationAtTheLimit() {
        fail("alice", 5);
        assertThat(throttle.lockedFor("alice")).contains(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(45));
        assertThat(throttle.lockedFor("alice")).contains(Duration.ofSeconds(15));
    }

    @Test
    void unlocksWhenTheLockExpires() {
        fail("alice", 5);
        clock.advance(Duration.ofSeconds(60));
        assertThat(throttle.lockedFor("alice")).isEmpty();
    }

    @Test
    void startsCountingAfreshAfterALockExpires() {
        fail("alice", 5);
        clock.advance(Duration.ofSeconds(61));
        fail("alice", 4);
        assertThat(throttle.lockedFor("alice")).isEmpty();
        fail("alice", 1);
        assertThat(throttle.lockedFor("alice")).isPresent();
    }

    @Test
    void forgetsFailuresOlderThanTheWindow() {
        fail("alice", 4);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        fail("alice", 4);
        assertThat(throttle.lockedFor("alice")).isEmpty();
    }

    @Test
    void countsFailuresSpreadInsideTheWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("alice");
            clock.advance(Duration.ofSeconds(59));
        }
        assertThat(throttle.lockedFor("alice")).isPresent();
    }

    @Test
    void treatsUsernamesWithoutRegardToCaseOrSurroundingSpace() {
        fail("Alice", 2);
        fail("ALICE ", 3);
        assertThat(throttle.lockedFor("alice")).isPresent();
    }

    @Test
    void successResetsTheCount() {
        fail("alice", 4);
        throttle.recordSuccess("alice");
        fail("alice", 4);
        assertThat(throttle.lockedFor("alice")).isEmpty();
    }

    @Test
    void otherUsernamesAreUnaffected() {
        fail("alice", 5);
        assertThat(throttle.lockedFor("bob")).isEmpty();
    }

    @Test
    void sweepsStaleEntriesWhenManyUsernamesAreTracked() {
        for (int i = 0; i <= LoginThrottle.SWEEP_THRESHOLD; i++) {
            throttle.recordFailure("user" + i);
        }
        clock.advance(Duration.ofMinutes(6));
        throttle.recordFailure("late");
        assertThat(throttle.trackedUsernames()).isEqualTo(1);
    }

    @Test
    void refusesNonsensePolicies() {
        assertThatThrownBy(() -> new ThrottlePolicy(0, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottlePolicy(1, Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void fail(String username, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username);
        }
    }
}
