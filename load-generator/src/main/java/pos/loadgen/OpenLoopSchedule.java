package pos.loadgen;

import java.time.Duration;

/**
 * When each request of an open-loop run is meant to be sent: arrival {@code i} at {@code start + i / rate}, no
 * matter how long earlier requests take. Latency is measured from this intended time, not from the moment the
 * request actually left, so a stalled system is charged for the requests it kept waiting (the correction for
 * coordinated omission that a closed loop, sending only after the previous answer, would hide).
 */
final class OpenLoopSchedule {

    private final long startNanos;
    private final double ratePerSecond;

    OpenLoopSchedule(long startNanos, double ratePerSecond) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number, not " + ratePerSecond);
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
    }

    long startNanos() {
        return startNanos;
    }

    /** The intended send time of arrival {@code index} (0-based), in {@link System#nanoTime()} units. */
    long intendedTime(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        return startNanos + Math.round(index * 1e9 / ratePerSecond);
    }

    /** How many arrivals are due in the first {@code period} of the run (those with intended time before its end). */
    long arrivalsWithin(Duration period) {
        // the epsilon keeps 1 s at 3/s from counting a 4th arrival through floating-point noise
        return Math.max(0, (long) Math.ceil(period.toNanos() / 1e9 * ratePerSecond - 1e-9));
    }
}
