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
 */
public record ProcessedCommandPurge(Duration retention, Duration interval) {

    public ProcessedCommandPurge {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(interval, "interval");
        if (retention.isNegative() || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative and interval must be positive");
        }
    }

    /** Returns how many processed command ids were removed. */
    int run(KeyValueStore<String, ProcessedCommand> store, Instant now) {
        return removeWhere(store, processed -> processed.expired(now, retention));
    }

    /**
     * Returns how many ended orders (rejected, cancelled, completed) last changed before the retention were removed.
     * Within the retention a placement re-driven from the dead-letter topic is still refused for an order the ledger
     * rejected or cancelled; the retention must outlast any re-drive.
     */
    int runOnOrders(KeyValueStore<String, OrderState> store, Instant now) {
        Instant cutoff = now.minus(retention);
        return removeWhere(
                store,
                state -> state.isFinal()
                        && state.order().updatedAt() != null
                        && state.order().updatedAt().isBefore(cutoff));
    }

    private static <V> int removeWhere(KeyValueStore<String, V> store, Predicate<V> expired) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (expired.test(entry.value)) {
                    keys.add(entry.key);
                }
            }
        }
        keys.forEach(store::delete);
        return keys.size();
    }
}
