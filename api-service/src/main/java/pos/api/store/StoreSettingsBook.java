package pos.api.store;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import pos.api.identity.CurrentUser;
import pos.api.kafka.CommandPublisher;
import pos.schemas.value.StoreSettings;

/**
 * Store settings: published to {@code pos.stores.settings.v1} (compacted, keyed by store id), where the store
 * ledger reads them, and, once the broker has them, kept in {@code store_settings} for {@code GET} (written
 * through, and projected from the topic by {@link StoreSettingsProjector}).
 */
@Service
class StoreSettingsBook {

    static final String COLLECTION = "store_settings";
    static final String CONTAINER_FACTORY = "storeSettingsListenerContainerFactory";
    private static final Logger log = LoggerFactory.getLogger(StoreSettingsBook.class);

    private final CommandPublisher publisher;
    private final MongoTemplate mongo;

    StoreSettingsBook(CommandPublisher publisher, MongoTemplate mongo) {
        this.publisher = publisher;
        this.mongo = mongo;
    }

    StoreSettings get(String storeId) {
        var document = mongo.findById(storeId, Document.class, COLLECTION);
        if (document == null) {
            return StoreSettings.defaults(storeId);
        }
        Number seconds = (Number) document.get("order_expiry_seconds");
        Date at = document.getDate("updated_at");
        return new StoreSettings(
                storeId,
                seconds == null ? null : seconds.longValue(),
                document.getString("updated_by"),
                at == null ? null : at.toInstant());
    }

    StoreSettings put(String storeId, StoreSettingsRequest request, CurrentUser caller) {
        var settings = new StoreSettings(storeId, request.orderExpirySeconds(), caller.username(), Instant.now());
        publisher.publish(settings);
        keep(settings);
        log.info(
                "Store {} settings changed by {}: order expiry {}",
                storeId,
                caller.username(),
                settings.orderExpirySeconds() == null ? "off" : settings.orderExpirySeconds() + " s");
        return settings;
    }

    /** A change from the topic, unless the stored settings are newer. */
    void keepIfNewer(StoreSettings settings) {
        var stored = get(settings.storeId());
        if (stored.updatedAt() == null
                || settings.updatedAt() == null
                || !settings.updatedAt().isBefore(stored.updatedAt())) {
            keep(settings);
        }
    }

    private void keep(StoreSettings settings) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(settings.storeId())),
                new Update()
                        .set("order_expiry_seconds", settings.orderExpirySeconds())
                        .set("updated_by", settings.updatedBy())
                        .set("updated_at", settings.updatedAt() == null ? null : Date.from(settings.updatedAt())),
                COLLECTION);
    }
}
