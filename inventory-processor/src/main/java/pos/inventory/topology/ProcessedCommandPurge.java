package pos.inventory.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Forgets processed command ids once they are older than the retention: a retry can only come within that
 * window (producer and API retries take seconds, idempotency keys live 72 hours), and the store must not grow
 * forever.
 */
public record ProcessedCommandPurge(Duration retention, Duration interval) {

    public ProcessedCommandPurge {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(interval, "interval");
        if (retention.isNegative() || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative and interval must be positive");
        }
    }

    /** Returns how many entries were removed. */
    int run(KeyValueStore<String, ProcessedCommand> store, Instant now) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ProcessedCommand> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, ProcessedCommand> entry = all.next();
                if (entry.value.expired(now, retention)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
        return expired.size();
    }
}
