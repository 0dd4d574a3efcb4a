package pos.inventory.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import pos.inventory.domain.OrderExpiry;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.StoreSettings;

/**
 * The created orders of stores with an order expiry, indexed by deadline ({@code <deadline ms>|store|order}, 19
 * zero-padded digits, so the store's byte order is deadline order). A store without an expiry costs one lookup in
 * the in-memory settings store per placement and nothing else; a check reads only the entries that are due.
 */
final class OrderExpiries {

    /** At most this many expiries per check, so a backlog never holds up the task's commands for long. */
    static final int MAX_PER_CHECK = 500;

    private static final String SEPARATOR = InventoryStores.SEPARATOR;

    private final KeyValueStore<String, String> index;
    private final ReadOnlyKeyValueStore<String, StoreSettings> settings;

    OrderExpiries(KeyValueStore<String, String> index, ReadOnlyKeyValueStore<String, StoreSettings> settings) {
        this.index = index;
        this.settings = settings;
    }

    /** Indexes a just-created order if its store has an order expiry. */
    void watch(OrderSnapshot order) {
        if (order.createdAt() == null) {
            return;
        }
        OrderExpiry.deadline(settings.get(order.storeId()), order.createdAt())
                .ifPresent(deadline ->
                        index.put(key(deadline.toEpochMilli(), order.storeId(), order.orderId()), order.orderId()));
    }

    /**
     * Hands each order whose deadline is at or before {@code now} to {@code expire} (store id, order id) and
     * forgets it; one whose store has turned its expiry off since is only forgotten.
     */
    void due(Instant now, BiConsumer<String, String> expire) {
        List<String> keys = new ArrayList<>();
        try (var due = index.range(key(0, "", ""), String.format("%019d~", now.toEpochMilli()))) {
            while (due.hasNext() && keys.size() < MAX_PER_CHECK) {
                keys.add(due.next().key);
            }
        }
        for (String key : keys) {
            String[] parts = key.split("\\" + SEPARATOR, 3);
            if (parts.length == 3 && OrderExpiry.stillOn(settings.get(parts[1]))) {
                expire.accept(parts[1], parts[2]);
            }
            index.delete(key);
        }
    }

    static String key(long deadlineMs, String storeId, String orderId) {
        return String.format("%019d", deadlineMs) + SEPARATOR + storeId + SEPARATOR + orderId;
    }
}
