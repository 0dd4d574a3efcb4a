package pos.api.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The commands this instance has published and the processors have not yet answered, at most {@code limit}: the
 * API's bound on the processors' backlog. A command counts from its admission until its reply arrives, also after
 * its request stopped waiting (a 202), so a rate above the processors' capacity cannot keep adding to a backlog
 * that every later request would wait behind; past the limit a command is refused before anything is stored or
 * published (503, retry). A command that never gets a reply (lost, dead-lettered) stops counting after
 * {@code expiry}. A request may reserve its place before its command is known, so that a request past the limit is
 * refused before it does any work and one under it is never refused after doing some.
 */
final class CommandsInFlight {

    private final int limit;
    private final long expiryNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Long> admittedAt = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    /**
     * No command in flight was admitted before this: until {@code expiry} has passed since it, none can have
     * expired, and a full instance refuses without looking at its commands. Under overload every request is refused
     * while full, and each had scanned all of them (5 % of the request threads' samples at 500/s). Set by the scan,
     * which sees every command admitted before it began; a command admitted beside it has a later time anyway.
     */
    private volatile long noneAdmittedBefore;

    CommandsInFlight(int limit, Duration expiry, LongSupplier nanoTime) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit of commands in flight must be at least 1, not " + limit);
        }
        this.limit = limit;
        this.expiryNanos = expiry.toNanos();
        this.nanoTime = nanoTime;
        this.noneAdmittedBefore = nanoTime.getAsLong();
    }

    /**
     * Counts the command in flight, or returns false when {@code limit} are already. A command already in flight
     * (the same command published again, as a retry with the same Idempotency-Key does) is admitted again without
     * counting twice.
     */
    boolean admit(String commandId) {
        long now = nanoTime.getAsLong();
        if (admittedAt.replace(commandId, now) != null) {
            return true;
        }
        if (!countOne(now)) {
            return false;
        }
        if (admittedAt.putIfAbsent(commandId, now) != null) {
            count.decrementAndGet();
        }
        return true;
    }

    /**
     * Counts one command before it is known, or returns false when {@code limit} are already counted: the request
     * holding the reservation then publishes its command without a second check ({@link #admitReserved}), or gives
     * the reservation back ({@link #release}).
     */
    boolean reserve() {
        return countOne(nanoTime.getAsLong());
    }

    /** Admits a command under a reservation; a command already in flight gives the reservation back. */
    void admitReserved(String commandId) {
        if (admittedAt.put(commandId, nanoTime.getAsLong()) != null) {
            count.decrementAndGet();
        }
    }

    /** A reservation whose request published nothing. */
    void release() {
        count.decrementAndGet();
    }

    private boolean countOne(long now) {
        while (true) {
            int current = count.get();
            if (current >= limit) {
                if (forgetExpired(now) == 0) {
                    return false;
                }
                continue;
            }
            if (count.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** True when a command would be refused now: lets a request be refused before it does any work. */
    boolean full() {
        return count.get() >= limit && forgetExpired(nanoTime.getAsLong()) == 0;
    }

    /** Its reply arrived, or it was never published: it no longer counts. */
    void answered(String commandId) {
        if (admittedAt.remove(commandId) != null) {
            count.decrementAndGet();
        }
    }

    /** Commands in flight and reservations, without the commands past their expiry. */
    int count() {
        forgetExpired(nanoTime.getAsLong());
        return count.get();
    }

    private int forgetExpired(long now) {
        if (now - noneAdmittedBefore <= expiryNanos) {
            return 0;
        }
        int forgotten = 0;
        long oldestKept = now;
        for (var entry : admittedAt.entrySet()) {
            long admitted = entry.getValue();
            if (now - admitted > expiryNanos) {
                if (admittedAt.remove(entry.getKey(), admitted)) {
                    count.decrementAndGet();
                    forgotten++;
                }
            } else if (admitted - oldestKept < 0) {
                oldestKept = admitted;
            }
        }
        noneAdmittedBefore = oldestKept;
        return forgotten;
    }
}
