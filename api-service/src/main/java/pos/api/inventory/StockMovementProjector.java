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
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;

/**
 * Projects every {@code StockChanged} of {@code pos.inventory.events.v1} into the stock movements
 * ({@link StockMovements}): one bulk write per poll, then the poll's progress ({@link ProjectionProgress}), from
 * which a restart resumes. Its own consumer group and progress, so dropping the collection and its progress
 * rebuilds the movements from the topic (which keeps its history) without touching the stock read model.
 */
@Component
class StockMovementProjector implements ConsumerSeekAware {

    static final String PROJECTION = "stock-movement-projector";

    private final StockMovements movements;
    private final ProjectionProgress progress;
    private final JsonSerde<InventoryEvent> serde = JsonSerdes.inventoryEvent();

    StockMovementProjector(StockMovements movements, MongoTemplate mongo) {
        this.movements = movements;
        this.progress = new ProjectionProgress(mongo, PROJECTION);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        progress.seek(assignments.keySet(), callback);
    }

    @KafkaListener(
            id = PROJECTION,
            groupId = "api-service.stock-movements",
            topics = Topics.INVENTORY_EVENTS,
            containerFactory = "projectionListenerContainerFactory",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        var changes = new ArrayList<StockChanged>();
        int projected = 0;
        try {
            for (; projected < records.size(); projected++) {
                var record = records.get(projected);
                if (serde.deserialize(record.topic(), record.value()) instanceof StockChanged changed) {
                    changes.add(changed);
                }
            }
        } catch (RuntimeException unreadable) {
            // the records before it are projected; the error handler retries this one, then dead-letters it
            write(changes, records.subList(0, projected));
            throw new BatchListenerFailedException("Unreadable inventory event", unreadable, records.get(projected));
        }
        write(changes, records);
    }

    private void write(List<StockChanged> changes, List<ConsumerRecord<String, byte[]>> records) {
        try {
            movements.record(changes);
            progress.save(records);
        } catch (DataAccessException e) {
            // the whole poll again, once MongoDB answers (ProjectionConfiguration retries it without end)
            throw new BatchListenerFailedException(
                    "Stock movements not written", e, records.isEmpty() ? null : records.get(0));
        }
    }
}
