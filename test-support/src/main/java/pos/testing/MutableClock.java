package pos.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock the test moves by hand; it can also tick on every read, for code that measures its own time. */
public final class MutableClock extends Clock {

    private Instant now;
    private Duration tick = Duration.ZERO;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Every later read moves the clock on by {@code duration} first. */
    public synchronized void tickOnRead(Duration duration) {
        tick = duration;
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(tick);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
