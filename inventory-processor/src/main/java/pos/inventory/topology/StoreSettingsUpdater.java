package pos.inventory.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pos.schemas.Topics;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.StoreSettings;

/**
 * Keeps the global store of store settings: the latest record per store id, a tombstone removes it. A record it
 * cannot read, or one under another store's key, is logged and skipped: the store keeps its previous settings
 * (the API writes this topic and validates what it writes).
 */
final class StoreSettingsUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(StoreSettingsUpdater.class);

    private final JsonSerde<StoreSettings> serde = JsonSerdes.storeSettings();
    private KeyValueStore<String, StoreSettings> settings;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        settings = context.getStateStore(InventoryStores.STORE_SETTINGS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            log.warn("Store settings without a store id skipped");
            return;
        }
        if (record.value() == null) {
            settings.delete(record.key());
            return;
        }
        try {
            var read = serde.deserialize(Topics.STORE_SETTINGS, record.value());
            if (!record.key().equals(read.storeId())) {
                log.warn("Store settings for {} under key {} skipped", read.storeId(), record.key());
                return;
            }
            settings.put(record.key(), read);
        } catch (SerializationException | IllegalArgumentException e) {
            log.warn("Unreadable store settings for {} skipped: {}", record.key(), e.toString());
        }
    }
}
