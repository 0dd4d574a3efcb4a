package pos.api.order;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import pos.schemas.Topics;
import pos.schemas.event.OrderEvent;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;

/**
 * Keeps the orders read model up to date from {@code pos.orders.events.v1}. Each event carries the whole order,
 * so applying it is one sequence-guarded upsert: redelivered or late events change nothing.
 */
@Component
class OrderViewProjector {

    private static final Logger log = LoggerFactory.getLogger(OrderViewProjector.class);

    private final OrderViews views;
    private final JsonSerde<OrderEvent> serde = JsonSerdes.orderEvent();

    OrderViewProjector(OrderViews views) {
        this.views = views;
    }

    @KafkaListener(id = "order-view-projector", groupId = "api-service.order-view", topics = Topics.ORDER_EVENTS,
            containerFactory = "projectionListenerContainerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        if (serde.deserialize(record.topic(), record.value()) instanceof OrderStatusChanged changed) {
            var applied = views.upsertIfNewer(changed.order());
            // DEBUG carries the trace id of the request that caused the change (README "Operations")
            log.debug("Order {} {} (sequence {}) {}", changed.orderId(), changed.status().wireName(),
                    changed.sequence(), applied ? "projected" : "already projected");
        } else {
            throw new IllegalArgumentException("Not an order event on " + record.topic());
        }
    }
}
