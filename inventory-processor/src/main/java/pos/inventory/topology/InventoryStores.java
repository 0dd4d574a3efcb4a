package pos.inventory.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import pos.inventory.domain.ProductStock;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.StoreSettings;

/**
 * The store ledger's persistent, changelogged state. Keys start with the store id, the record key of the input,
 * so everything one command touches lives in the task that owns that store.
 */
public final class InventoryStores {

    /** Stock per store and product. */
    public static final String STOCK = "stock-level-store";
    /** Order state per store and order. */
    public static final String ORDERS = "order-state-store";
    /** Reply per processed AdjustStock command id, purged after the retention. */
    public static final String PROCESSED_ADJUSTMENTS = "processed-adjustment-store";

    /** Created orders of stores with an order expiry, by deadline: {@code <deadline ms, 19 digits>|store|order}. */
    public static final String ORDER_EXPIRY = "order-expiry-store";
    /** The settings of the task's stores, from {@code pos.stores.settings.v1}. */
    public static final String STORE_SETTINGS = "store-settings-store";

    static final String SEPARATOR = "|";

    private InventoryStores() {}

    public static String key(String storeId, String id) {
        return storeId + SEPARATOR + id;
    }

    static StoreBuilder<KeyValueStore<String, ProductStock>> stock() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STOCK), Serdes.String(), new JsonSerde<>(ProductStock.class));
    }

    /** Held as bytes and read through {@link OrderStates}: the JSON a typed store would hold. */
    static StoreBuilder<KeyValueStore<String, byte[]>> orders() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDERS), Serdes.String(), Serdes.ByteArray());
    }

    static StoreBuilder<KeyValueStore<String, String>> orderExpiry() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ORDER_EXPIRY), Serdes.String(), Serdes.String());
    }

    static StoreBuilder<KeyValueStore<String, StoreSettings>> storeSettings() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE_SETTINGS), Serdes.String(), JsonSerdes.storeSettings());
    }

    static StoreBuilder<KeyValueStore<String, ProcessedCommand>> processedAdjustments() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PROCESSED_ADJUSTMENTS),
                Serdes.String(),
                new JsonSerde<>(ProcessedCommand.class));
    }
}
