package pos.api.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets something happen at most once per interval, from any number of threads: a warning about a condition that
 * every request meets while it lasts (hundreds of lines a second otherwise) is logged once per interval instead.
 */
public final class AtMostEvery {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong last;

    public AtMostEvery(Duration interval) {
        this(interval, System::nanoTime);
    }

    AtMostEvery(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.last = new AtomicLong(nanoTime.getAsLong() - intervalNanos);
    }

    /** True for the first caller since the interval last began (the first call of all included). */
    public boolean now() {
        long now = nanoTime.getAsLong();
        long previous = last.get();
        return now - previous >= intervalNanos && last.compareAndSet(previous, now);
    }
}
