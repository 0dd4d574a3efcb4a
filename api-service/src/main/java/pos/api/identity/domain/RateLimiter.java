package pos.api.identity.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code capacity} requests at once, then one more every {@code refillEvery}. Sized so a
 * store's whole till fleet behind one address logging in at the start of a shift stays under it, while a single
 * address cannot make the service hash passwords at full speed. In memory, per instance.
 */
public final class RateLimiter {

    /** Above this many clients, full (idle) buckets are swept; past {@link #MAX_CLIENTS} newcomers share one. */
    static final int SWEEP_THRESHOLD = 10_000;

    static final int MAX_CLIENTS = 100_000;
    static final String OVERFLOW = "(too many clients)";

    private final int capacity;
    private final Duration refillEvery;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration refillEvery, Clock clock) {
        if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("capacity must be at least 1 and refillEvery positive");
        }
        this.capacity = capacity;
        this.refillEvery = refillEvery;
        this.clock = clock;
    }

    /** Takes one request from this client's bucket: empty when allowed, else how long until the next is. */
    public Optional<Duration> tryAcquire(String client) {
        Instant now = clock.instant();
        if (buckets.size() > SWEEP_THRESHOLD) {
            buckets.values().removeIf(bucket -> refill(bucket, now).tokens() >= capacity);
        }
        String key = buckets.size() >= MAX_CLIENTS && !buckets.containsKey(client) ? OVERFLOW : client;
        var wait = new Duration[1];
        buckets.compute(key, (k, current) -> {
            var bucket = current == null ? new Bucket(capacity, now) : refill(current, now);
            if (bucket.tokens() < 1) {
                wait[0] = Duration.between(now, bucket.updated().plus(refillEvery));
                return bucket;
            }
            return new Bucket(bucket.tokens() - 1, bucket.updated());
        });
        return Optional.ofNullable(wait[0]);
    }

    int trackedClients() {
        return buckets.size();
    }

    /** {@code updated}: when the last whole token was added (or the bucket was made), so refills never drift. */
    private record Bucket(long tokens, Instant updated) {}

    private Bucket refill(Bucket bucket, Instant now) {
        long elapsed = Duration.between(bucket.updated(), now).toNanos();
        long added = elapsed / refillEvery.toNanos();
        if (added <= 0) {
            return bucket;
        }
        if (bucket.tokens() + added >= capacity) {
            return new Bucket(capacity, now);
        }
        return new Bucket(bucket.tokens() + added, bucket.updated().plus(refillEvery.multipliedBy(added)));
    }
}
