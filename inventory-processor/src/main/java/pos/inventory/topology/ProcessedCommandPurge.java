package pos.inventory.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import pos.inventory.domain.OrderState;

/**
 * Forgets what the processor only keeps to answer repeated commands, once it is older than the retention:
 * processed adjust command ids, and orders that have ended (rejected, cancelled or completed). A repeat can only
 * come within that window (producer and API retries take seconds, idempotency keys live 72 hours), and the stores
 * must not grow forever. Live orders are never purged: they hold stock.
 *
 * <p>Each run reads at most {@code slice} entries of a store, after where its previous run stopped ({@link Cursor}),
 * and the next run goes on from there, starting over at the end. The runs happen on the stream thread, between
 * commands: reading a whole store at once stopped the ledger for as long as it took (about 30 µs an order, so
 * 30 s every purge with a million orders stored), and placements waited. A slice bounds that pause whatever the
 * stores hold; an entry is purged at most one pass over its store after its retention.
 */
public record ProcessedCommandPurge(Duration retention, Duration interval, int slice) {

    /**
     * Entries read per run and store: about 30 ms of the stream thread for orders. Every 30 s (the default interval)
     * that reads about 200 orders a second over six tasks, about 0.6 % of a core, and walks a task's 170,000 orders
     * (a million over six) in about an hour and a half.
     */
    public static final int DEFAULT_SLICE = 1_000;

    public ProcessedCommandPurge {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(interval, "interval");
        if (retention.isNegative() || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative and interval must be positive");
        }
        if (slice < 1) {
            throw new IllegalArgumentException("slice must be at least 1");
        }
    }

    public ProcessedCommandPurge(Duration retention, Duration interval) {
        this(retention, interval, DEFAULT_SLICE);
    }

    /** Where the walk over one store stands between runs. In memory: after a restart it starts from the beginning. */
    static final class Cursor {

        private String after;
    }

    /** Returns how many processed command ids of this run's slice were removed. */
    int run(KeyValueStore<String, ProcessedCommand> store, Cursor cursor, Instant now) {
        return removeWhere(store, cursor, processed -> processed.expired(now, retention));
    }

    /**
     * Returns how many ended orders (rejected, cancelled, completed) of this run's slice, last changed before the
     * retention, were removed. Within the retention a placement re-driven from the dead-letter topic is still refused
     * for an order the ledger rejected or cancelled; the retention must outlast any re-drive.
     */
    int runOnOrders(OrderStates states, Cursor cursor, Instant now) {
        Instant cutoff = now.minus(retention);
        return removeWhere(states.bytes(), cursor, stored -> {
            OrderState state = OrderStates.deserialize(stored);
            return state != null
                    && state.isFinal()
                    && state.order().updatedAt() != null
                    && state.order().updatedAt().isBefore(cutoff);
        });
    }

    private <V> int removeWhere(KeyValueStore<String, V> store, Cursor cursor, Predicate<V> expired) {
        List<String> keys = new ArrayList<>();
        String last = null;
        int read = 0;
        try (KeyValueIterator<String, V> slice = cursor.after == null ? store.all() : store.range(cursor.after, null)) {
            while (slice.hasNext() && read < this.slice) {
                KeyValue<String, V> entry = slice.next();
                if (entry.key.equals(cursor.after)) {
                    continue; // the range starts at the previous run's last key, which that run read
                }
                read++;
                last = entry.key;
                if (expired.test(entry.value)) {
                    keys.add(entry.key);
                }
            }
            cursor.after = slice.hasNext() ? last : null;
        }
        keys.forEach(store::delete);
        return keys.size();
    }
}
