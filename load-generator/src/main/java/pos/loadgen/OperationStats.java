package pos.loadgen;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The latencies and outcomes of one kind of request (placing an order, changing its status...). Successes record
 * their latency; failures only count, by kind (an HTTP status or an exception class), because a quick failure
 * would otherwise flatter the percentiles. Safe to record from any thread.
 */
final class OperationStats {

    /** Two minutes in microseconds, at 3 significant digits: anything slower is clamped, and shows as the max. */
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final String name;
    private final Histogram latencyMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Map<String, LongAdder> successes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicLong lastCompletionNanos = new AtomicLong(Long.MIN_VALUE);

    OperationStats(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void success(String outcome, long latencyNanos) {
        latencyMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000)));
        successes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        completedAt(System.nanoTime());
    }

    void failure(String kind) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
        completedAt(System.nanoTime());
    }

    private void completedAt(long nanos) {
        lastCompletionNanos.accumulateAndGet(nanos, Math::max);
    }

    /** When the last answer of this operation arrived, or {@link Long#MIN_VALUE} if none did. */
    long lastCompletionNanos() {
        return lastCompletionNanos.get();
    }

    long successCount() {
        return successes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    OperationReport report() {
        return new OperationReport(name, LatencySummary.of(latencyMicros), counts(successes), counts(failures));
    }

    private static Map<String, Long> counts(Map<String, LongAdder> adders) {
        var counts = new TreeMap<String, Long>();
        adders.forEach((kind, adder) -> counts.put(kind, adder.sum()));
        return counts;
    }

    /** One operation's results: latency of its successes, and how many answers of each kind it got. */
    record OperationReport(
            String name, LatencySummary latency, Map<String, Long> successes, Map<String, Long> failures) {

        long failureCount() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        long total() {
            return latency.count() + failureCount();
        }
    }
}
