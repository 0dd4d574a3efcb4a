package pos.api.readmodel;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pos.api.web.AtMostEvery;

/**
 * Writes what many threads hand it from one thread, in batches: each write takes everything queued while the
 * previous one ran (up to {@code maxBatch}). A slow database then gets fewer, larger writes instead of a longer
 * queue of single ones, so the rate of writes follows the load instead of being capped at threads ÷ round-trip time
 * (under overload MongoDB's round trips grew to about 100 ms, and eight threads writing one decision each could
 * not answer more than about 60 a second).
 * <p>
 * Each item's future completes, on {@code completions}, once the write that carried it returned; with the
 * write's exception if it failed. The queue is bounded: {@link #offer} says when it is full and leaves the item to
 * the caller.
 *
 * @param <T> what is written
 * @param <R> what a write tells about each item (for example whether it applied)
 */
public final class WriteBatcher<T, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteBatcher.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private record Pending<T, R>(T item, CompletableFuture<R> written) {}

    private final String name;
    private final BlockingQueue<Pending<T, R>> queue;
    private final int maxBatch;
    private final Function<List<T>, List<R>> writeAll;
    private final Executor completions;
    private final DistributionSummary batchSizes;
    private final Thread thread;
    // once per interval: with MongoDB out of reach every batch fails
    private final AtMostEvery failureWarning = new AtMostEvery(Duration.ofSeconds(10));
    private final Object lifecycle = new Object();
    private volatile boolean running = true;

    /**
     * @param writeAll writes a batch and returns one result per item, in the batch's order
     */
    public WriteBatcher(
            String name,
            int capacity,
            int maxBatch,
            Function<List<T>, List<R>> writeAll,
            Executor completions,
            MeterRegistry meters) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be at least 1");
        }
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.writeAll = writeAll;
        this.completions = completions;
        this.batchSizes = DistributionSummary.builder("pos.readmodel.write.batch")
                .description("Items per batched MongoDB write of the API's own writers")
                .baseUnit("items")
                .tag("writer", name)
                .register(meters);
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the item; empty when the queue is full or the writer is stopped. */
    public Optional<CompletableFuture<R>> offer(T item) {
        var pending = new Pending<T, R>(item, new CompletableFuture<>());
        // with close(): once stopping, nothing more is queued, so the writer's last pass leaves nobody waiting
        synchronized (lifecycle) {
            if (!running) {
                return Optional.empty();
            }
            return queue.offer(pending) ? Optional.of(pending.written()) : Optional.empty();
        }
    }

    /**
     * Queues the item or, when the queue is full (or the writer stopped), writes it on the caller's thread: a
     * database slower than the callers then slows them down instead of growing the queue.
     */
    public CompletableFuture<R> submit(T item) {
        return offer(item).orElseGet(() -> {
            try {
                return CompletableFuture.completedFuture(
                        checked(writeAll.apply(List.of(item)), 1).get(0));
            } catch (RuntimeException e) {
                warn(1, e);
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /** Items queued and not yet taken by a write. */
    public int queued() {
        return queue.size();
    }

    private void run() {
        var batch = new ArrayList<Pending<T, R>>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        Pending<T, R> left;
        while ((left = queue.poll()) != null) {
            left.written().completeExceptionally(new IllegalStateException(name + " was stopped"));
        }
    }

    private void write(List<Pending<T, R>> batch) {
        batchSizes.record(batch.size());
        List<R> results;
        try {
            results = checked(writeAll.apply(batch.stream().map(Pending::item).toList()), batch.size());
        } catch (RuntimeException e) {
            warn(batch.size(), e);
            batch.forEach(pending -> complete(() -> pending.written().completeExceptionally(e)));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            var written = batch.get(i).written();
            var result = results.get(i);
            complete(() -> written.complete(result));
        }
    }

    private List<R> checked(List<R> results, int items) {
        if (results.size() != items) {
            throw new IllegalStateException(name + " returned " + results.size() + " results for " + items + " items");
        }
        return results;
    }

    private void warn(int items, RuntimeException e) {
        if (failureWarning.now()) {
            log.warn("{}: a write of {} items failed (further failures within 10 s not logged)", name, items, e);
        }
    }

    private void complete(Runnable completion) {
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run(); // shutting down: whoever waits still hears
        }
    }

    /** Writes what is queued, then stops; what is offered afterwards is refused. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            running = false;
        }
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
