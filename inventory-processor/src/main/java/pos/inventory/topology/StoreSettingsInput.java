package pos.inventory.topology;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pos.schemas.Topics;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.StoreSettings;

/**
 * Reads a record of {@code pos.stores.settings.v1} as a ledger input: a tombstone is the defaults; a record that
 * cannot be read, or that is not under its store's key, is logged and skipped (the store keeps its previous settings; the API validates what it writes,
 * and the compacted topic has no dead-letter topic).
 */
final class StoreSettingsInput {

    private static final Logger log = LoggerFactory.getLogger(StoreSettingsInput.class);
    private static final JsonSerde<StoreSettings> SERDE = JsonSerdes.storeSettings();

    private StoreSettingsInput() {}

    static List<LedgerInput> read(String key, byte[] value) {
        if (key == null) {
            log.warn("Store settings without a store id skipped");
            return List.of();
        }
        if (value == null) {
            return List.of(new LedgerInput.Settings(StoreSettings.defaults(key)));
        }
        try {
            var settings = SERDE.deserialize(Topics.STORE_SETTINGS, value);
            if (!key.equals(settings.storeId())) {
                log.warn("Store settings of {} under key {} skipped", settings.storeId(), key);
                return List.of();
            }
            return List.of(new LedgerInput.Settings(settings));
        } catch (SerializationException | IllegalArgumentException e) {
            log.warn("Unreadable store settings of {} skipped: {}", key, e.toString());
            return List.of();
        }
    }
}
