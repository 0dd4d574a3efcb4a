package pos.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OpenLoopDriverTest {

    private record Fired(long index, long intendedNanos, boolean measured) {}

    @Test
    void firesEveryArrivalInOrderAtItsIntendedTimeAndMarksOnlyThoseAfterTheWarmUpAsMeasured() {
        var fired = new CopyOnWriteArrayList<Fired>();
        try (var monitor = new ResourceMonitor(OptionalLong.empty())) {
            var run = OpenLoopDriver.run(
                    200,
                    Duration.ofMillis(50),
                    Duration.ofMillis(100),
                    10,
                    Duration.ofSeconds(5),
                    monitor,
                    (index, intended, measured) -> {
                        fired.add(new Fired(index, intended, measured));
                        return CompletableFuture.completedFuture(null);
                    });

            assertThat(fired)
                    .extracting(Fired::index)
                    .containsExactlyElementsOf(
                            java.util.stream.LongStream.range(0, 30).boxed().toList());
            assertThat(fired)
                    .filteredOn(Fired::measured)
                    .extracting(Fired::index)
                    .first()
                    .isEqualTo(10L);
            assertThat(fired).filteredOn(Fired::measured).hasSize(20);
            assertThat(run.measuredArrivals()).isEqualTo(20);
            assertThat(run.measureStartNanos()).isEqualTo(fired.get(10).intendedNanos());
            assertThat(fired.get(1).intendedNanos() - fired.get(0).intendedNanos())
                    .isEqualTo(5_000_000L);
            assertThat(run.unfinished()).isZero();
        }
    }

    @Test
    void reportsMeasuredArrivalsStillUnansweredWhenTheDrainTimeoutRunsOut() {
        List<CompletableFuture<Object>> never = new CopyOnWriteArrayList<>();
        try (var monitor = new ResourceMonitor(OptionalLong.empty())) {
            var run = OpenLoopDriver.run(
                    100,
                    Duration.ofMillis(20),
                    Duration.ofMillis(50),
                    100,
                    Duration.ofMillis(10),
                    monitor,
                    (index, intended, measured) -> {
                        var pending = new CompletableFuture<Object>();
                        never.add(pending);
                        return pending;
                    });

            assertThat(never).hasSize(7);
            assertThat(run.measuredArrivals()).isEqualTo(5);
            assertThat(run.unfinished()).isEqualTo(5);
        }
    }

    @Test
    void anArrivalThatThrowsReleasesItsPermitSoTheScheduleGoesOn() {
        var fired = new CopyOnWriteArrayList<Long>();
        try (var monitor = new ResourceMonitor(OptionalLong.empty())) {
            var run = OpenLoopDriver.run(
                    500,
                    Duration.ZERO,
                    Duration.ofMillis(20),
                    1,
                    Duration.ofSeconds(5),
                    monitor,
                    (index, intended, measured) -> {
                        fired.add(index);
                        throw new IllegalStateException("generator bug");
                    });

            assertThat(fired).hasSize(10);
            assertThat(run.unfinished()).isZero();
        }
    }
}
