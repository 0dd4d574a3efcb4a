package pos.api.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static pos.api.inventory.StockMovementsIT.PRODUCT;
import static pos.api.inventory.StockMovementsIT.STORE;
import static pos.api.inventory.StockMovementsIT.T0;
import static pos.api.inventory.StockMovementsIT.adjusted;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import pos.api.support.MongoBackend;
import pos.api.support.OnEachMongoBackend;
import pos.schemas.Topics;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.StockLevelLow;
import pos.schemas.serde.JsonSerdes;

/**
 * The stock-movement projector against mongo-java-server and real MongoDB: a poll is one write plus its progress,
 * a restart resumes from that progress, and an unreadable event leaves the ones before it projected.
 */
@OnEachMongoBackend
class StockMovementProjectorIT {

    @Parameter
    MongoBackend backend;

    MongoTemplate mongo;
    StockMovements movements;
    StockMovementProjector projector;

    @BeforeEach
    void freshDatabase() {
        mongo = backend.freshDatabase("movement_projector");
        movements = new StockMovements(mongo, new StockViews(mongo));
        projector = new StockMovementProjector(movements, mongo);
    }

    static ConsumerRecord<String, byte[]> record(long offset, InventoryEvent event) {
        return new ConsumerRecord<>(
                Topics.INVENTORY_EVENTS,
                0,
                offset,
                STORE,
                JsonSerdes.inventoryEvent().serialize(Topics.INVENTORY_EVENTS, event));
    }

    @Test
    void projectsEveryStockChangeOfAPollAndResumesAfterIt() {
        projector.on(List.of(
                record(0, adjusted(PRODUCT, 1, "delivery")),
                record(1, new StockLevelLow("low", STORE, PRODUCT, BigDecimal.ONE, BigDecimal.TEN, 1, T0)),
                record(2, adjusted(PRODUCT, 2, "waste"))));
        // a redelivered poll changes nothing
        projector.on(List.of(record(2, adjusted(PRODUCT, 2, "waste"))));

        var page = movements.page(STORE, PRODUCT, null, null, 0, 20);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.movements()).extracting(StockMovement::type).containsExactly("waste", "delivery");

        var callback = mock(ConsumerSeekCallback.class);
        new StockMovementProjector(movements, mongo)
                .onPartitionsAssigned(Map.of(new TopicPartition(Topics.INVENTORY_EVENTS, 0), 0L), callback);
        verify(callback).seek(Topics.INVENTORY_EVENTS, 0, 3L);
    }

    @Test
    void anUnreadableEventLeavesTheOnesBeforeItProjectedAndIsHandedToTheErrorHandler() {
        var poison = new ConsumerRecord<>(
                Topics.INVENTORY_EVENTS, 0, 1L, STORE, "not json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> projector.on(List.of(
                        record(0, adjusted(PRODUCT, 1, "delivery")), poison, record(2, adjusted(PRODUCT, 2, "waste")))))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getRecord()).isSameAs(poison));

        assertThat(movements.page(STORE, PRODUCT, null, null, 0, 20).movements())
                .extracting(StockMovement::version)
                .containsExactly(1L);
        var callback = mock(ConsumerSeekCallback.class);
        projector.onPartitionsAssigned(Map.of(new TopicPartition(Topics.INVENTORY_EVENTS, 0), 0L), callback);
        verify(callback).seek(Topics.INVENTORY_EVENTS, 0, 1L);
    }
}
