package pos.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import pos.api.support.MongoBackend;
import pos.api.support.OnEachMongoBackend;
import pos.schemas.Topics;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

/**
 * The orders projector against mongo-java-server and real MongoDB: a poll is projected, its progress stored in the
 * same database, and a restart resumes from that progress, so writes a database lost are projected again.
 */
@OnEachMongoBackend
class OrderViewProjectorIT {

    @Parameter
    MongoBackend backend;

    MongoTemplate mongo;
    OrderViews views;
    OrderViewProjector projector;

    @BeforeEach
    void freshDatabase() {
        mongo = backend.freshDatabase("projector");
        views = new OrderViews(mongo);
        projector = new OrderViewProjector(views, mongo);
    }

    /** The sample order with this id, at this sequence and status. */
    static OrderSnapshot order(String orderId, long sequence, OrderStatus status) {
        return OrderViewsIT.at(orderId, sequence, status);
    }

    static ConsumerRecord<String, byte[]> record(long offset, OrderSnapshot order) {
        var event = new OrderStatusChanged(
                UUID.randomUUID().toString(),
                order.orderId(),
                order.sequence(),
                null,
                order.status(),
                order.storeId(),
                order,
                "test",
                order.updatedAt());
        return new ConsumerRecord<>(
                Topics.ORDER_EVENTS,
                0,
                offset,
                order.orderId(),
                JsonSerdes.orderEvent().serialize(Topics.ORDER_EVENTS, event));
    }

    @Test
    void projectsAPollAsTheNewestSnapshotOfEachOrder() {
        var a = "65e000000000000000000001";
        var b = "65e000000000000000000002";
        projector.on(List.of(
                record(0, order(a, 1, OrderStatus.PENDING)),
                record(1, order(b, 1, OrderStatus.PENDING)),
                record(2, order(a, 2, OrderStatus.CREATED))));

        assertThat(views.find(a).orElseThrow().status()).isEqualTo(OrderStatus.CREATED);
        assertThat(views.find(b).orElseThrow().sequence()).isEqualTo(1);
    }

    @Test
    void resumesFromTheProgressStoredWithTheReadModelSoALostWriteIsProjectedAgain() {
        var a = "65e000000000000000000001";
        var b = "65e000000000000000000002";
        projector.on(List.of(record(0, order(a, 1, OrderStatus.PENDING))));
        var lost = record(1, order(b, 1, OrderStatus.PENDING));
        projector.on(List.of(lost));
        // what a database that lost its last moment holds: neither b nor the progress written after it
        // (Kafka's committed offset for the group may well say 2)
        mongo.remove(Query.query(Criteria.where("_id").is(b)), "orders");
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is("order-view-projector/" + Topics.ORDER_EVENTS + "/0")),
                new Update().set("next_offset", 1L),
                "projection_progress");

        var callback = mock(ConsumerSeekCallback.class);
        new OrderViewProjector(views, mongo)
                .onPartitionsAssigned(Map.of(new TopicPartition(Topics.ORDER_EVENTS, 0), 2L), callback);

        verify(callback).seek(Topics.ORDER_EVENTS, 0, 1L);
        projector.on(List.of(lost));
        assertThat(views.find(b)).isPresent();
        assertThat(mongo.findById(
                        "order-view-projector/" + Topics.ORDER_EVENTS + "/0", Document.class, "projection_progress"))
                .containsEntry("next_offset", 2L);
    }

    @Test
    void aReadModelThatCannotBeWrittenFailsThePollFromItsFirstRecordAndStoresNoProgress() {
        var unwritable = mock(OrderViews.class);
        doThrow(new DataAccessResourceFailureException("MongoDB down"))
                .when(unwritable)
                .upsertAllIfNewer(any());
        var first = record(7, order("65e000000000000000000001", 1, OrderStatus.PENDING));

        assertThatThrownBy(() -> new OrderViewProjector(unwritable, mongo)
                        .on(List.of(first, record(8, order("65e000000000000000000002", 1, OrderStatus.PENDING)))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(first);
                    assertThat(e.getCause()).isInstanceOf(DataAccessResourceFailureException.class);
                });
        assertThat(mongo.getCollection("projection_progress").countDocuments()).isZero();
    }
}
