package pos.loadgen;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends arrivals at their {@link OpenLoopSchedule intended times} from one thread, whatever the answers do. Each
 * arrival may chain further requests (a retry, status changes); it holds one of {@code maxInFlight} permits until
 * the whole chain is done. When every permit is taken the schedule waits, and the waiting counts in the latency of
 * the late arrivals because latency is measured from the intended time.
 */
final class OpenLoopDriver {

    /** One arrival: send it, and complete the future when it and everything it chained are answered. */
    @FunctionalInterface
    interface Arrival {
        CompletableFuture<?> fire(long index, long intendedNanos, boolean measured);
    }

    /**
     * What the driver saw: the measured window (intended times of its first arrival and of the window's end), when
     * the last arrival was actually sent, the worst delay of a send behind its intended time, and how many measured
     * arrival chains were still unanswered when the drain timeout ran out.
     */
    record Run(
            long measuredArrivals,
            long measureStartNanos,
            long measureEndNanos,
            long lastSendNanos,
            long maxSendDelayNanos,
            long unfinished,
            ResourceMonitor.ResourceUsage resources) {}

    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private OpenLoopDriver() {}

    static Run run(
            double rate,
            Duration warmup,
            Duration duration,
            int maxInFlight,
            Duration drainTimeout,
            ResourceMonitor monitor,
            Arrival arrival) {
        var schedule = new OpenLoopSchedule(System.nanoTime() + START_DELAY_NANOS, rate);
        long firstMeasured = schedule.arrivalsWithin(warmup);
        long total = schedule.arrivalsWithin(warmup.plus(duration));
        long measureStart = schedule.intendedTime(firstMeasured);
        long measureEnd = schedule.startNanos() + warmup.plus(duration).toNanos();
        var permits = new Semaphore(maxInFlight);
        var measuredInFlight = new AtomicLong();
        ResourceMonitor.Window window = null;
        long maxSendDelay = 0;
        for (long i = 0; i < total; i++) {
            long intended = schedule.intendedTime(i);
            parkUntil(intended);
            if (i == firstMeasured) {
                window = monitor.start();
            }
            permits.acquireUninterruptibly();
            maxSendDelay = Math.max(maxSendDelay, System.nanoTime() - intended);
            boolean measured = i >= firstMeasured;
            if (measured) {
                measuredInFlight.incrementAndGet();
            }
            CompletableFuture<?> chain;
            try {
                chain = arrival.fire(i, intended, measured);
            } catch (RuntimeException e) {
                chain = CompletableFuture.failedFuture(e);
            }
            chain.whenComplete((result, error) -> {
                if (measured) {
                    measuredInFlight.decrementAndGet();
                }
                permits.release();
            });
        }
        long lastSend = System.nanoTime();
        if (window == null) {
            window = monitor.start();
        }
        drain(permits, maxInFlight, drainTimeout);
        return new Run(
                total - firstMeasured,
                measureStart,
                measureEnd,
                lastSend,
                maxSendDelay,
                measuredInFlight.get(),
                window.stop());
    }

    /** Waits until every chain is done or the timeout passes. */
    private static void drain(Semaphore permits, int maxInFlight, Duration timeout) {
        try {
            if (permits.tryAcquire(maxInFlight, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                permits.release(maxInFlight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void parkUntil(long nanoTime) {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
