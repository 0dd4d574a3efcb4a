package pos.api.store;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import pos.schemas.Topics;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.StoreSettings;

/**
 * Keeps {@code store_settings} in step with {@code pos.stores.settings.v1}, so the API's copy can be rebuilt from
 * the topic the store ledger reads and every instance sees every change. A change older than the stored one (the
 * instance that took the PUT wrote it through already) is skipped; an unreadable record is logged and skipped.
 */
@Component
class StoreSettingsProjector {

    private static final Logger log = LoggerFactory.getLogger(StoreSettingsProjector.class);

    private final StoreSettingsBook book;
    private final JsonSerde<StoreSettings> serde = JsonSerdes.storeSettings();

    StoreSettingsProjector(StoreSettingsBook book) {
        this.book = book;
    }

    @KafkaListener(
            id = "store-settings-projector",
            groupId = "api-service.store-settings",
            topics = Topics.STORE_SETTINGS,
            containerFactory = StoreSettingsBook.CONTAINER_FACTORY)
    void on(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            book.keepIfNewer(serde.deserialize(Topics.STORE_SETTINGS, record.value()));
        } catch (SerializationException | IllegalArgumentException e) {
            log.warn(
                    "Unreadable store settings at {}-{}@{} skipped: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }
}
