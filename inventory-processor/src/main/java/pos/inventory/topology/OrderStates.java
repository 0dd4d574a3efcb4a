package pos.inventory.topology;

import org.apache.kafka.streams.state.KeyValueStore;
import pos.inventory.domain.OrderState;
import pos.schemas.serde.JsonSerde;

/**
 * The ledger's order states ({@link InventoryStores#ORDERS}), stored as the bytes of their JSON and deserialized
 * only when a state is needed. Every placement's expiry reaches the ledger about 30 s later and only asks whether
 * the order is known: with a typed store, each such question deserialized the whole state (lines, recent commands),
 * which was 95 % of the ledger's time on expiries and about 8 % of the local stack's CPU under placements. The bytes
 * are those the JSON serde of a typed store wrote, so state restored from an older changelog reads the same.
 */
final class OrderStates {

    private static final JsonSerde<OrderState> SERDE = new JsonSerde<>(OrderState.class);

    private final KeyValueStore<String, byte[]> store;

    OrderStates(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** The state under {@code key}, or null if the ledger has never seen that order (or forgot it). */
    OrderState get(String key) {
        return deserialize(store.get(key));
    }

    /** Whether the ledger knows the order, without reading its state. */
    boolean contains(String key) {
        return store.get(key) != null;
    }

    void put(String key, OrderState state) {
        store.put(key, SERDE.serialize(InventoryStores.ORDERS, state));
    }

    /** The stored bytes, for tests and for {@link ProcessedCommandPurge}, which reads each state it walks. */
    KeyValueStore<String, byte[]> bytes() {
        return store;
    }

    static OrderState deserialize(byte[] stored) {
        return stored == null ? null : SERDE.deserialize(InventoryStores.ORDERS, stored);
    }
}
