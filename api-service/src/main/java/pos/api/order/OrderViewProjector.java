package pos.api.order;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import pos.api.readmodel.ProjectionProgress;
import pos.schemas.Topics;
import pos.schemas.event.OrderEvent;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderSnapshot;

/**
 * Keeps the orders read model up to date from {@code pos.orders.events.v1}, one poll at a time: each event carries
 * the whole order, so a poll is one sequence-guarded bulk write of the newest snapshot of each order, then the
 * poll's progress ({@link ProjectionProgress}) in the same database. Redelivered or late events change nothing; a
 * restart resumes from the stored progress, so an order whose write a crash lost is projected again.
 */
@Component
class OrderViewProjector implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(OrderViewProjector.class);

    private final OrderViews views;
    private final ProjectionProgress progress;
    private final JsonSerde<OrderEvent> serde = JsonSerdes.orderEvent();

    OrderViewProjector(OrderViews views, MongoTemplate mongo) {
        this.views = views;
        this.progress = new ProjectionProgress(mongo, OrderViews.PROJECTION);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        progress.seek(assignments.keySet(), callback);
    }

    @KafkaListener(
            id = "order-view-projector",
            groupId = "api-service.order-view",
            topics = Topics.ORDER_EVENTS,
            containerFactory = "projectionListenerContainerFactory",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        var orders = new ArrayList<OrderSnapshot>(records.size());
        for (int i = 0; i < records.size(); i++) {
            var record = records.get(i);
            try {
                if (serde.deserialize(record.topic(), record.value()) instanceof OrderStatusChanged changed) {
                    orders.add(changed.order());
                } else {
                    throw new IllegalArgumentException("Not an order event on " + record.topic());
                }
            } catch (RuntimeException e) {
                // the records before it are projected; the error handler retries this one, then dead-letters it
                project(records.subList(0, i), orders);
                throw new BatchListenerFailedException("Unreadable order event", e, record);
            }
        }
        project(records, orders);
    }

    private void project(List<ConsumerRecord<String, byte[]>> records, List<OrderSnapshot> orders) {
        try {
            views.upsertAllIfNewer(orders);
            progress.save(records);
        } catch (DataAccessException e) {
            // the whole poll again, once MongoDB answers (ProjectionConfiguration retries it without end)
            throw new BatchListenerFailedException("Orders read model not written", e, records.get(0));
        }
        if (log.isDebugEnabled()) {
            for (int i = 0; i < orders.size(); i++) {
                logProjected(records.get(i), orders.get(i));
            }
        }
    }

    /** DEBUG carries the trace id of the request that caused the change (README "Operations"). */
    private static void logProjected(ConsumerRecord<String, byte[]> record, OrderSnapshot order) {
        Header traceparent = record.headers().lastHeader("traceparent");
        var parts = traceparent == null
                ? new String[0]
                : new String(traceparent.value(), StandardCharsets.US_ASCII).split("-");
        try (var traceId = parts.length == 4 ? MDC.putCloseable("traceId", parts[1]) : null;
                var spanId = parts.length == 4 ? MDC.putCloseable("spanId", parts[2]) : null) {
            log.debug(
                    "Order {} {} (sequence {}) projected",
                    order.orderId(),
                    order.status().wireName(),
                    order.sequence());
        }
    }
}
