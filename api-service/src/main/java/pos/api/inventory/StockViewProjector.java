package pos.api.inventory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import pos.schemas.Topics;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.StockChanged;
import pos.schemas.event.StockLevelLow;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;

/** Keeps the inventory read model up to date from {@code pos.inventory.events.v1}, each change at most once. */
@Component
class StockViewProjector {

    private final StockViews views;
    private final JsonSerde<InventoryEvent> serde = JsonSerdes.inventoryEvent();

    StockViewProjector(StockViews views) {
        this.views = views;
    }

    @KafkaListener(id = "stock-view-projector", groupId = "api-service.stock-view",
            topics = Topics.INVENTORY_EVENTS, containerFactory = "projectionListenerContainerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        var event = serde.deserialize(record.topic(), record.value());
        if (event instanceof StockChanged changed) {
            views.applyIfNewer(changed.stock());
        } else if (event instanceof StockLevelLow low) {
            views.markLow(low);
        } else {
            throw new IllegalArgumentException("Not an inventory event: " + event);
        }
    }
}
