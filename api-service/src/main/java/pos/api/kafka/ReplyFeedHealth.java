package pos.api.kafka;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What the reply feed last did, for readiness: reading (with when it last polled) or failed (and why). */
public final class ReplyFeedHealth {

    private final AtomicLong restarts = new AtomicLong();
    private volatile boolean reading;
    private volatile int partitions;
    private volatile Instant lastPoll;
    private volatile String lastError;

    void reading(int assignedPartitions) {
        partitions = assignedPartitions;
        reading = true;
        lastPoll = Instant.now();
    }

    void polled() {
        lastPoll = Instant.now();
    }

    void failed(Exception error) {
        reading = false;
        restarts.incrementAndGet();
        lastError = error.getClass().getName() + ": " + error.getMessage();
    }

    public boolean isReading() {
        return reading;
    }

    public int partitions() {
        return partitions;
    }

    public long restarts() {
        return restarts.get();
    }

    public Instant lastPoll() {
        return lastPoll;
    }

    public String lastError() {
        return lastError;
    }
}
