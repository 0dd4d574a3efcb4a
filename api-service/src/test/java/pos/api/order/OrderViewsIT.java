package pos.api.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.data.mongodb.core.MongoTemplate;
import pos.api.identity.StoreAccess;
import pos.api.support.MongoBackend;
import pos.api.support.OnEachMongoBackend;
import pos.api.support.ScanCountingMongo;
import pos.schemas.Samples;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

/**
 * The orders read model against mongo-java-server and real MongoDB: guarded upserts never go backwards, and the
 * search filters, pages and sorts alike on both.
 */
@OnEachMongoBackend
class OrderViewsIT {

    @Parameter
    MongoBackend backend;

    OrderViews views;
    MongoTemplate mongo;

    @BeforeEach
    void freshDatabase() {
        mongo = backend.freshDatabase("orders");
        views = new OrderViews(mongo);
    }

    static OrderSnapshot at(long sequence, OrderStatus status) {
        return at(Samples.orderSnapshot().orderId(), sequence, status);
    }

    static OrderSnapshot at(String orderId, long sequence, OrderStatus status) {
        var s = Samples.orderSnapshot();
        return new OrderSnapshot(
                orderId,
                sequence,
                status,
                s.storeId(),
                s.userId(),
                s.placedBy(),
                s.lines(),
                s.subtotal(),
                s.tax(),
                s.total(),
                s.shortages(),
                s.idempotencyKey(),
                s.createdAt(),
                s.createdAt().plusSeconds(sequence));
    }

    @Test
    void appliesNewerSnapshotsAndIgnoresOlderOrRepeatedOnes() {
        assertThat(views.upsertIfNewer(at(2, OrderStatus.CREATED))).isTrue();
        assertThat(views.upsertIfNewer(at(1, OrderStatus.PENDING))).isFalse();
        assertThat(views.upsertIfNewer(at(2, OrderStatus.CREATED))).isFalse();
        assertThat(views.upsertIfNewer(at(3, OrderStatus.CONFIRMED))).isTrue();

        var stored = views.find(Samples.ORDER).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(stored.sequence()).isEqualTo(3);
        assertThat(stored.lines()).isEqualTo(Samples.lines());
        assertThat(stored.total()).isEqualByComparingTo("10.375");
        assertThat(stored.total().toPlainString()).isEqualTo("10.375");
    }

    @Test
    void aPendingPlaceholderIsReplacedByTheFirstEventButNeverReplacesOne() {
        views.insertAllPending(List.of(at(0, OrderStatus.PENDING)));
        assertThat(views.find(Samples.ORDER).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);

        views.upsertIfNewer(at(2, OrderStatus.CREATED));
        views.insertAllPending(List.of(at(0, OrderStatus.PENDING)));

        assertThat(views.find(Samples.ORDER).orElseThrow().status()).isEqualTo(OrderStatus.CREATED);
    }

    @Test
    void aDecisionIsInsertedWhenNothingIsStoredAndOtherwiseOnlyOverAnOlderVersion() {
        views.recordDecisions(List.of(at(2, OrderStatus.CREATED)));
        assertThat(views.find(Samples.ORDER).orElseThrow().status()).isEqualTo(OrderStatus.CREATED);

        views.upsertIfNewer(at(3, OrderStatus.CONFIRMED));
        views.recordDecisions(List.of(at(2, OrderStatus.CREATED)));
        assertThat(views.find(Samples.ORDER).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);

        views.insertAllPending(List.of(at("65b0000000000000000000ff", 0, OrderStatus.PENDING)));
        views.recordDecisions(List.of(at("65b0000000000000000000ff", 2, OrderStatus.REJECTED)));
        assertThat(views.find("65b0000000000000000000ff").orElseThrow().status())
                .isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void aBatchOfDecisionsInsertsTheNewOrdersAndAppliesTheOthersOnlyWhereNewer() {
        var fresh = "65b0000000000000000000a1";
        var placeholder = "65b0000000000000000000a2";
        var alreadyAhead = "65b0000000000000000000a3";
        views.insertAllPending(List.of(at(placeholder, 0, OrderStatus.PENDING)));
        views.upsertIfNewer(at(alreadyAhead, 3, OrderStatus.CONFIRMED));

        views.recordDecisions(List.of(
                at(fresh, 2, OrderStatus.CREATED),
                at(placeholder, 2, OrderStatus.REJECTED),
                at(alreadyAhead, 2, OrderStatus.CREATED),
                at(fresh, 1, OrderStatus.PENDING)));

        assertThat(views.find(fresh).orElseThrow().status()).isEqualTo(OrderStatus.CREATED);
        assertThat(views.find(placeholder).orElseThrow().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(views.find(alreadyAhead).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void pendingPlaceholdersAreInsertedOnlyWhereNothingIsStoredAndTheInsertedOnesAreNamed() {
        var decided = "65b0000000000000000000b1";
        var fresh = "65b0000000000000000000b2";
        views.recordDecisions(List.of(at(decided, 2, OrderStatus.CREATED)));

        var inserted =
                views.insertAllPending(List.of(at(decided, 0, OrderStatus.PENDING), at(fresh, 0, OrderStatus.PENDING)));

        assertThat(inserted).containsExactly(fresh);
        assertThat(views.find(decided).orElseThrow().status()).isEqualTo(OrderStatus.CREATED);
        assertThat(views.find(fresh).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void anOrdersStoreIsReadOnceAndThenRememberedFromWhatThisInstanceWroteOrRead() {
        var decided = "65b0000000000000000000c1";
        var pending = "65b0000000000000000000c2";
        var projected = "65b0000000000000000000c3";
        var storedElsewhere = "65b0000000000000000000c4";
        var store = Samples.orderSnapshot().storeId();
        views.recordDecisions(List.of(at(decided, 2, OrderStatus.CREATED)));
        views.insertAllPending(List.of(at(pending, 0, OrderStatus.PENDING)));
        views.upsertAllIfNewer(List.of(at(projected, 3, OrderStatus.CONFIRMED)));
        new OrderViews(mongo).upsertIfNewer(at(storedElsewhere, 2, OrderStatus.CREATED));

        assertThat(views.storeOf(storedElsewhere))
                .as("stored by another instance: read")
                .contains(store);
        assertThat(views.storeOf("65b0000000000000000000c9")).as("not stored").isEmpty();

        // gone from MongoDB, so only what was remembered can answer
        mongo.dropCollection(OrderViews.COLLECTION);
        for (var id : List.of(decided, pending, projected, storedElsewhere)) {
            assertThat(views.storeOf(id)).as(id).contains(store);
        }
        assertThat(new OrderViews(mongo).storeOf(decided))
                .as("a new instance remembers nothing")
                .isEmpty();
    }

    @Test
    void searchesNewestFirstWithFiltersAndStoreScope() {
        var base = Samples.orderSnapshot();
        for (int i = 0; i < 5; i++) {
            var id = String.format("65b0000000000000000001%02d", i);
            var store = i % 2 == 0 ? Samples.STORE : "65a000000000000000000009";
            views.upsertIfNewer(new OrderSnapshot(
                    id,
                    1,
                    i == 4 ? OrderStatus.CANCELLED : OrderStatus.CREATED,
                    store,
                    base.userId(),
                    base.placedBy(),
                    base.lines(),
                    base.subtotal(),
                    null,
                    base.total(),
                    base.shortages(),
                    null,
                    Instant.parse("2026-11-25T10:00:00Z").plusSeconds(i),
                    null));
        }

        var all = new OrderSearch(null, null, null, null, null, StoreAccess.EVERY_STORE);
        assertThat(views.search(all, 0, 10))
                .extracting(OrderSnapshot::orderId)
                .containsExactly(
                        "65b000000000000000000104",
                        "65b000000000000000000103",
                        "65b000000000000000000102",
                        "65b000000000000000000101",
                        "65b000000000000000000100");
        assertThat(views.count(all)).isEqualTo(5);
        assertThat(views.search(all, 1, 2))
                .extracting(OrderSnapshot::orderId)
                .containsExactly("65b000000000000000000103", "65b000000000000000000102");

        var scoped = new OrderSearch(null, null, null, null, null, new StoreAccess(false, Set.of(Samples.STORE)));
        assertThat(views.count(scoped)).isEqualTo(3);
        var cancelledInStore = new OrderSearch(Samples.STORE, null, "cancelled", null, null, StoreAccess.EVERY_STORE);
        assertThat(views.search(cancelledInStore, 0, 10))
                .extracting(OrderSnapshot::orderId)
                .containsExactly("65b000000000000000000104");
        var window = new OrderSearch(
                null,
                null,
                null,
                Instant.parse("2026-11-25T10:00:01Z"),
                Instant.parse("2026-11-25T10:00:03Z"),
                StoreAccess.EVERY_STORE);
        assertThat(views.count(window)).isEqualTo(2);
    }

    @Test
    void placingAndDecidingAnOrderNeverScansTheCollection() {
        backend.assumeEmbedded("scan counts of its query planner");
        try (var mongo = new ScanCountingMongo()) {
            var scanned = new OrderViews(mongo.template("orders_scan"));
            var base = Samples.orderSnapshot();
            for (int i = 0; i < 200; i++) {
                scanned.upsertIfNewer(new OrderSnapshot(
                        String.format("65b0000000000000000%05d", i),
                        1,
                        OrderStatus.CREATED,
                        base.storeId(),
                        base.userId(),
                        base.placedBy(),
                        base.lines(),
                        base.subtotal(),
                        null,
                        base.total(),
                        base.shortages(),
                        null,
                        base.createdAt(),
                        null));
            }
            mongo.forgetScans();

            scanned.insertAllPending(List.of(at(0, OrderStatus.PENDING)));
            scanned.upsertIfNewer(at(1, OrderStatus.CREATED));
            scanned.upsertIfNewer(at(1, OrderStatus.CREATED));
            scanned.upsertIfNewer(at(3, OrderStatus.PREPARING));
            scanned.upsertIfNewer(at(2, OrderStatus.CONFIRMED));
            scanned.recordDecisions(
                    List.of(at(3, OrderStatus.PREPARING), at("65b0000000000000000000c1", 2, OrderStatus.CREATED)));
            scanned.insertAllPending(List.of(at("65b0000000000000000000c2", 0, OrderStatus.PENDING)));
            var found = scanned.find(Samples.ORDER);

            assertThat(mongo.scansOf(OrderViews.COLLECTION)).isEmpty();
            assertThat(found).get().extracting(OrderSnapshot::status).isEqualTo(OrderStatus.PREPARING);
        }
    }
}
