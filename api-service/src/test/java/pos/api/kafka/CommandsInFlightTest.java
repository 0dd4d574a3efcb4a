package pos.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CommandsInFlightTest {

    final AtomicLong now = new AtomicLong();
    final CommandsInFlight inFlight = new CommandsInFlight(3, Duration.ofSeconds(30), now::get);

    @Test
    void admitsUpToTheLimitAndAgainOnceOneIsAnswered() {
        assertThat(inFlight.admit("a")).isTrue();
        assertThat(inFlight.admit("b")).isTrue();
        assertThat(inFlight.full()).isFalse();
        assertThat(inFlight.admit("c")).isTrue();

        assertThat(inFlight.full()).isTrue();
        assertThat(inFlight.admit("d")).isFalse();
        assertThat(inFlight.count()).isEqualTo(3);

        inFlight.answered("b");
        assertThat(inFlight.full()).isFalse();
        assertThat(inFlight.admit("d")).isTrue();
        assertThat(inFlight.count()).isEqualTo(3);
    }

    @Test
    void theSameCommandPublishedAgainCountsOnceAndIsAdmittedEvenWhenFull() {
        inFlight.admit("a");
        inFlight.admit("b");
        inFlight.admit("c");

        assertThat(inFlight.admit("a"))
                .as("a retry of a command in flight adds nothing")
                .isTrue();
        assertThat(inFlight.count()).isEqualTo(3);
    }

    @Test
    void anAnswerForAnUnknownOrAlreadyAnsweredCommandChangesNothing() {
        inFlight.admit("a");
        inFlight.answered("a");
        inFlight.answered("a");
        inFlight.answered("never-sent");

        assertThat(inFlight.count()).isZero();
    }

    @Test
    void aCommandThatNeverGetsAReplyStopsCountingAfterTheExpiry() {
        inFlight.admit("lost");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        inFlight.admit("b");
        inFlight.admit("c");
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(inFlight.admit("d")).as("30 s exactly: not yet expired").isFalse();

        now.addAndGet(1);
        assertThat(inFlight.full()).isFalse();
        assertThat(inFlight.admit("d")).isTrue();
        assertThat(inFlight.admit("e")).as("b and c are 20 s old").isFalse();
    }

    @Test
    void aCommandAdmittedAfterOthersExpiredCountsForItsOwnFullExpiry() {
        inFlight.admit("a");
        inFlight.admit("b");
        inFlight.admit("c");
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(inFlight.admit("d")).as("a, b and c have expired").isTrue();
        inFlight.admit("e");
        inFlight.admit("f");
        assertThat(inFlight.count()).isEqualTo(3);

        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(inFlight.admit("g")).as("d, e and f are 30 s old exactly").isFalse();
        now.addAndGet(1);
        assertThat(inFlight.admit("g")).isTrue();
        assertThat(inFlight.count()).isEqualTo(1);
    }

    @Test
    void expiredCommandsAreFoundWhenTheOldestWasAnsweredAndAYoungerOneWasLost() {
        inFlight.admit("answered");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        inFlight.admit("lost");
        inFlight.admit("c");
        inFlight.answered("answered");
        inFlight.admit("d");
        now.addAndGet(Duration.ofSeconds(25).toNanos());
        assertThat(inFlight.admit("e"))
                .as("the first scan keeps the 25-second-old commands and learns they are the oldest")
                .isFalse();

        now.addAndGet(Duration.ofSeconds(5).toNanos() + 1);
        assertThat(inFlight.admit("e")).as("lost, c and d expired").isTrue();
        assertThat(inFlight.count()).isEqualTo(1);
    }

    @Test
    void aRetriedCommandsClockStartsAgain() {
        inFlight.admit("a");
        now.addAndGet(Duration.ofSeconds(25).toNanos());
        inFlight.admit("a");
        inFlight.admit("b");
        inFlight.admit("c");
        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(inFlight.admit("d")).isFalse();
    }

    @Test
    void concurrentAdmissionsNeverExceedTheLimit() throws Exception {
        var limited = new CommandsInFlight(100, Duration.ofSeconds(30), now::get);
        var admitted = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                pool.execute(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    for (int i = 0; i < 1_000; i++) {
                        if (limited.admit(thread + "-" + i)) {
                            admitted.incrementAndGet();
                        }
                    }
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }

        assertThat(admitted).hasValue(100);
        assertThat(limited.count()).isEqualTo(100);
    }

    @Test
    void aReservationCountsLikeACommandAndItsCommandTakesItsPlaceWithoutASecondCheck() {
        assertThat(inFlight.reserve()).isTrue();
        inFlight.admit("a");
        inFlight.admit("b");

        assertThat(inFlight.reserve())
                .as("two commands and a reservation fill a limit of 3")
                .isFalse();
        assertThat(inFlight.admit("c")).isFalse();

        inFlight.admitReserved("reserved");
        assertThat(inFlight.count()).isEqualTo(3);
        inFlight.answered("reserved");
        assertThat(inFlight.count()).isEqualTo(2);
    }

    @Test
    void anUnusedReservationIsGivenBack() {
        inFlight.reserve();
        inFlight.reserve();
        inFlight.reserve();
        assertThat(inFlight.full()).isTrue();

        inFlight.release();

        assertThat(inFlight.count()).isEqualTo(2);
        assertThat(inFlight.admit("a")).isTrue();
    }

    @Test
    void aReservedRetryOfACommandInFlightGivesItsReservationBack() {
        inFlight.admit("a");
        inFlight.reserve();

        inFlight.admitReserved("a");

        assertThat(inFlight.count())
                .as("the retry counts once, as the command it repeats")
                .isEqualTo(1);
        inFlight.answered("a");
        assertThat(inFlight.count()).isZero();
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> new CommandsInFlight(0, Duration.ofSeconds(30), now::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
