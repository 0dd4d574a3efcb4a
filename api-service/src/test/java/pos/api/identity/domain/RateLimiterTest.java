package pos.api.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pos.testing.MutableClock;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-05T10:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(10), clock);

    @Test
    void takesABurstUpToTheCapacityThenSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).isEmpty();
        }
        assertThat(limiter.tryAcquire("a")).contains(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(4));
        assertThat(limiter.tryAcquire("a")).contains(Duration.ofSeconds(6));
    }

    @Test
    void refillsOneTokenPerPeriodWithoutDrift() {
        drain("a");
        clock.advance(Duration.ofSeconds(15));
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).contains(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        assertThat(limiter.tryAcquire("a")).isEmpty();
    }

    @Test
    void neverHoldsMoreThanTheCapacity() {
        clock.advance(Duration.ofDays(1));
        drain("a");
        assertThat(limiter.tryAcquire("a")).isPresent();
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        drain("a");
        assertThat(limiter.tryAcquire("b")).isEmpty();
    }

    @Test
    void sweepsIdleClientsWhenManyAreTracked() {
        for (int i = 0; i <= RateLimiter.SWEEP_THRESHOLD; i++) {
            limiter.tryAcquire("client" + i);
        }
        clock.advance(Duration.ofSeconds(10));
        limiter.tryAcquire("late");
        assertThat(limiter.trackedClients()).isEqualTo(1);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, Duration.ZERO, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    private void drain(String client) {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(client)).isEmpty();
        }
    }
}
