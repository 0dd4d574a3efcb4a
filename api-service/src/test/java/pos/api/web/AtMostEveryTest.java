package pos.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AtMostEveryTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtMostEvery gate = new AtMostEvery(Duration.ofSeconds(10), nanos::get);

    @Test
    void theFirstCallPassesThenNoneUntilTheIntervalHasPassed() {
        assertThat(gate.now()).isTrue();
        assertThat(gate.now()).isFalse();
        nanos.addAndGet(Duration.ofSeconds(10).minusNanos(1).toNanos());
        assertThat(gate.now()).isFalse();
        nanos.addAndGet(1);
        assertThat(gate.now()).isTrue();
        assertThat(gate.now()).isFalse();
    }
}
