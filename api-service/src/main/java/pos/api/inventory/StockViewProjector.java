package pos.api.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import pos.api.readmodel.ProjectionProgress;
import pos.schemas.Topics;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.StockChanged;
import pos.schemas.event.StockLevelLow;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.StockLevel;

/**
 * Keeps the inventory read model up to date from {@code pos.inventory.events.v1}, each change at most once, one
 * poll at a time: stock changes go in one version-guarded bulk write (a low-stock mark first flushes the changes
 * before it, as it depends on them), then the poll's progress ({@link ProjectionProgress}) in the same database,
 * from which a restart resumes.
 */
@Component
class StockViewProjector implements ConsumerSeekAware {

    private final StockViews views;
    private final ProjectionProgress progress;
    private final JsonSerde<InventoryEvent> serde = JsonSerdes.inventoryEvent();

    StockViewProjector(StockViews views, MongoTemplate mongo) {
        this.views = views;
        this.progress = new ProjectionProgress(mongo, "stock-view-projector");
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        progress.seek(assignments.keySet(), callback);
    }

    @KafkaListener(
            id = "stock-view-projector",
            groupId = "api-service.stock-view",
            topics = Topics.INVENTORY_EVENTS,
            containerFactory = "projectionListenerContainerFactory",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        try {
            project(records);
        } catch (DataAccessException e) {
            // the whole poll again, once MongoDB answers (ProjectionConfiguration retries it without end)
            throw new BatchListenerFailedException("Inventory read model not written", e, records.get(0));
        }
    }

    private void project(List<ConsumerRecord<String, byte[]>> records) {
        var pending = new ArrayList<StockLevel>();
        for (int i = 0; i < records.size(); i++) {
            var record = records.get(i);
            InventoryEvent event;
            try {
                event = serde.deserialize(record.topic(), record.value());
                if (!(event instanceof StockChanged) && !(event instanceof StockLevelLow)) {
                    throw new IllegalArgumentException("Not an inventory event: " + event);
                }
            } catch (RuntimeException e) {
                // the records before it are projected; the error handler retries this one, then dead-letters it
                views.applyAllIfNewer(pending);
                progress.save(records.subList(0, i));
                throw new BatchListenerFailedException("Unreadable inventory event", e, record);
            }
            if (event instanceof StockChanged changed) {
                pending.add(changed.stock());
            } else if (event instanceof StockLevelLow low) {
                views.applyAllIfNewer(pending);
                pending.clear();
                views.markLow(low);
            }
        }
        views.applyAllIfNewer(pending);
        progress.save(records);
    }
}
