package pos.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batching writer: what is offered while a write runs goes out together in the next one, each item hears its
 * own result or its batch's failure, a full queue says so instead of growing, and stopping writes what was queued.
 */
class WriteBatcherTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    final List<List<String>> batches = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    WriteBatcher<String, Integer> batcher;

    @AfterEach
    void stop() {
        if (batcher != null) {
            batcher.close();
        }
    }

    final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    /**
     * A batcher that records each batch and answers each item with its length, with "a" offered and its write
     * started and held until {@link #release}: what is offered now waits for the next write. Returns "a"'s future.
     */
    CompletableFuture<Integer> writingFirstItem(int capacity, int maxBatch) {
        batcher = new WriteBatcher<>(
                "test-writes",
                capacity,
                maxBatch,
                items -> {
                    batches.add(List.copyOf(items));
                    if (batches.size() == 1) {
                        firstWriteStarted.countDown();
                        await(release);
                    }
                    return items.stream().map(String::length).toList();
                },
                Runnable::run,
                meters);
        var first = batcher.offer("a").orElseThrow();
        await(firstWriteStarted);
        return first;
    }

    @Test
    void whatIsOfferedDuringAWriteGoesOutTogetherInTheNextAndEachItemHearsItsOwnResult() throws Exception {
        var first = writingFirstItem(100, 100);
        var second = batcher.offer("bb").orElseThrow();
        var third = batcher.offer("ccc").orElseThrow();
        var fourth = batcher.offer("dddd").orElseThrow();
        assertThat(batcher.queued()).isEqualTo(3);
        release.countDown();

        assertThat(List.of(first, second, third, fourth))
                .extracting(f -> f.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .containsExactly(1, 2, 3, 4);
        assertThat(batches).containsExactly(List.of("a"), List.of("bb", "ccc", "dddd"));
        assertThat(meters.get("pos.readmodel.write.batch")
                        .tag("writer", "test-writes")
                        .summary()
                        .max())
                .isEqualTo(3);
    }

    @Test
    void aBatchIsNeverLargerThanTheLimit() throws Exception {
        var first = writingFirstItem(100, 2);
        var later = List.of(
                batcher.offer("b").orElseThrow(),
                batcher.offer("c").orElseThrow(),
                batcher.offer("d").orElseThrow());
        release.countDown();

        CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(first).isCompletedWithValue(1);
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"), List.of("d"));
    }

    @Test
    void aFailedWriteFailsEveryItemOfItsBatchAndTheWriterGoesOn() throws Exception {
        var failure = new IllegalStateException("MongoDB out of reach");
        batcher = new WriteBatcher<>(
                "test-writes",
                100,
                100,
                items -> {
                    if (items.contains("poison")) {
                        throw failure;
                    }
                    return items.stream().map(String::length).toList();
                },
                Runnable::run,
                meters);

        var failed = batcher.offer("poison").orElseThrow();

        assertThat(failed).failsWithin(WAIT).withThrowableThat().havingCause().isSameAs(failure);
        assertThat(batcher.offer("next").orElseThrow().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(4);
    }

    @Test
    void aWriteReturningTheWrongNumberOfResultsFailsItsBatch() {
        batcher = new WriteBatcher<>("test-writes", 100, 100, items -> List.of(), Runnable::run, meters);

        assertThat(batcher.offer("a").orElseThrow())
                .failsWithin(WAIT)
                .withThrowableThat()
                .havingCause()
                .withMessageContaining("returned 0 results for 1 items");
    }

    @Test
    void aFullQueueRefusesTheItemInsteadOfGrowing() throws Exception {
        writingFirstItem(2, 100);
        assertThat(batcher.offer("b")).isPresent();
        assertThat(batcher.offer("c")).isPresent();
        assertThat(batcher.offer("d")).isEmpty();
        release.countDown();
    }

    @Test
    void submittedPastAFullQueueTheCallerWritesItsOwnItem() throws Exception {
        writingFirstItem(1, 100);
        var queued = batcher.submit("bb");

        var ownWrite = batcher.submit("ccc");

        assertThat(ownWrite).isCompletedWithValue(3);
        assertThat(batches).containsExactly(List.of("a"), List.of("ccc"));
        release.countDown();
        assertThat(queued.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void closingWritesWhatWasQueuedAndRefusesWhatComesAfter() throws Exception {
        writingFirstItem(100, 100);
        var queued = batcher.offer("bb").orElseThrow();

        var closing = CompletableFuture.runAsync(batcher::close);
        release.countDown();
        closing.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(queued).isCompletedWithValue(2);
        assertThat(batcher.offer("late")).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
