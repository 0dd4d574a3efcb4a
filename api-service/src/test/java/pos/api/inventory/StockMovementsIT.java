package pos.api.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonArray;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.data.mongodb.core.MongoTemplate;
import pos.api.support.MongoBackend;
import pos.api.support.OnEachMongoBackend;
import pos.api.support.ScanCountingMongo;
import pos.api.support.TestInfrastructure;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.value.StockLevel;

/**
 * The stock-movement read model against mongo-java-server and real MongoDB: newest first by version, a time window
 * cut by version, idempotent, and (counted on mongo-java-server) index lookups only, however long the history.
 */
@OnEachMongoBackend
class StockMovementsIT {

    static final String STORE = "65a000000000000000000001";
    static final String PRODUCT = "65c000000000000000000001";
    static final String OTHER = "65c000000000000000000002";
    static final String MANAGER = "65e000000000000000000001";
    static final String ORDER = "65b000000000000000000001";
    static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @Parameter
    MongoBackend backend;

    MongoTemplate mongo;
    StockMovements movements;

    @BeforeEach
    void freshDatabase() {
        mongo = backend.freshDatabase("stock_movements");
        movements = new StockMovements(mongo, new StockViews(mongo));
    }

    /** Version {@code v} of {@code product}, one minute after the last; on hand goes up by one per adjustment. */
    static StockChanged adjusted(String product, long v, String code) {
        var level = new StockLevel(
                STORE,
                product,
                BigDecimal.valueOf(v),
                BigDecimal.ZERO,
                BigDecimal.valueOf(v),
                v,
                T0,
                T0.plusSeconds(60 * v));
        return new StockChanged(
                "adj-" + v + "/" + product + "/adjusted",
                STORE,
                product,
                StockChange.ADJUSTED,
                BigDecimal.ONE,
                BigDecimal.ZERO,
                level,
                "note " + v,
                null,
                "adj-" + v,
                T0.plusSeconds(60 * v),
                code,
                MANAGER);
    }

    static StockChanged reserved(String product, long v, long onHand) {
        var level = new StockLevel(
                STORE,
                product,
                BigDecimal.valueOf(onHand),
                BigDecimal.ONE,
                BigDecimal.valueOf(onHand - 1),
                v,
                T0,
                T0.plusSeconds(60 * v));
        return new StockChanged(
                "place/" + product + "/reserved",
                STORE,
                product,
                StockChange.RESERVED,
                BigDecimal.ZERO,
                BigDecimal.ONE,
                level,
                null,
                ORDER,
                "place",
                T0.plusSeconds(60 * v));
    }

    static List<StockChanged> history(String product, int versions) {
        var changes = new ArrayList<StockChanged>();
        for (int v = 1; v <= versions; v++) {
            changes.add(adjusted(product, v, "delivery"));
        }
        return changes;
    }

    @Test
    void listsEveryChangeNewestFirstWithWhoWhyAndBeforeAfter() {
        movements.record(List.of(adjusted(PRODUCT, 1, "delivery"), reserved(PRODUCT, 2, 1), adjusted(OTHER, 1, null)));

        var page = movements.page(STORE, PRODUCT, null, null, 0, 20);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.movements()).extracting(StockMovement::version).containsExactly(2L, 1L);
        var reserve = page.movements().get(0);
        assertThat(reserve.type()).isEqualTo("reserve");
        assertThat(reserve.by()).isEqualTo(ORDER);
        assertThat(reserve.byType()).isEqualTo("order");
        assertThat(reserve.reservedBefore()).isEqualByComparingTo("0");
        assertThat(reserve.reservedAfter()).isEqualByComparingTo("1");
        var delivery = page.movements().get(1);
        assertThat(delivery.type()).isEqualTo("delivery");
        assertThat(delivery.by()).isEqualTo(MANAGER);
        assertThat(delivery.byType()).isEqualTo("user");
        assertThat(delivery.note()).isEqualTo("note 1");
        assertThat(delivery.qtyBefore()).isEqualByComparingTo("0");
        assertThat(delivery.qtyAfter()).isEqualByComparingTo("1");
        assertThat(delivery.at()).isEqualTo(T0.plusSeconds(60));
        assertThat(movements.page(STORE, OTHER, null, null, 0, 20).movements())
                .singleElement()
                .extracting(StockMovement::type)
                .isEqualTo("correction");
    }

    @Test
    void pagesAndTimeWindowsAreCutByVersion() {
        movements.record(history(PRODUCT, 50));

        var second = movements.page(STORE, PRODUCT, null, null, 10, 5);
        assertThat(second.total()).isEqualTo(50);
        assertThat(second.movements()).extracting(StockMovement::version).containsExactly(40L, 39L, 38L, 37L, 36L);

        // versions 10..19 happened in [T0 + 10 min, T0 + 20 min)
        var window = movements.page(STORE, PRODUCT, T0.plusSeconds(600), T0.plusSeconds(1200), 0, 100);
        assertThat(window.total()).isEqualTo(10);
        assertThat(window.movements())
                .extracting(StockMovement::version)
                .first()
                .isEqualTo(19L);
        assertThat(window.movements()).extracting(StockMovement::version).last().isEqualTo(10L);

        assertThat(movements
                        .page(STORE, PRODUCT, T0.plusSeconds(600), null, 0, 100)
                        .total())
                .isEqualTo(41);
        assertThat(movements
                        .page(STORE, PRODUCT, null, T0.plusSeconds(61), 0, 100)
                        .total())
                .isEqualTo(1);
        assertThat(movements
                        .page(STORE, PRODUCT, T0.plusSeconds(99_999), null, 0, 100)
                        .movements())
                .isEmpty();
        assertThat(movements.page(STORE, PRODUCT, null, null, 50, 10).movements())
                .isEmpty();
        assertThat(movements
                        .page(STORE, "65c0000000000000000000ff", null, null, 0, 10)
                        .total())
                .isZero();
    }

    @Test
    void projectingAnEventAgainChangesNothing() {
        movements.record(history(PRODUCT, 3));
        movements.record(history(PRODUCT, 3).subList(1, 3));
        movements.record(List.of(adjusted(PRODUCT, 4, "waste")));
        movements.record(List.of(adjusted(PRODUCT, 2, "delivery")));

        var page = movements.page(STORE, PRODUCT, null, null, 0, 20);

        assertThat(page.total()).isEqualTo(4);
        assertThat(page.movements())
                .extracting(StockMovement::type)
                .containsExactly("waste", "delivery", "delivery", "delivery");
    }

    @Test
    void aPollRepeatingMovementsAlreadyStoredStillRecordsItsNewOnesAndTheirCount() {
        movements.record(history(PRODUCT, 3));

        movements.record(history(PRODUCT, 6));
        movements.record(List.of(adjusted(OTHER, 1, null), adjusted(PRODUCT, 6, "delivery"), adjusted(OTHER, 2, null)));

        var page = movements.page(STORE, PRODUCT, null, null, 0, 20);
        assertThat(page.total()).isEqualTo(6);
        assertThat(page.movements()).extracting(StockMovement::version).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(movements.page(STORE, OTHER, null, null, 0, 20).movements())
                .extracting(StockMovement::version)
                .containsExactly(2L, 1L);
    }

    /**
     * The last version is read from the stock read model's version, then by id: whether that version is the last
     * movement projected, behind it (a reply's stock applied first) or ahead of it (the movements' projector behind),
     * or there is no stock document at all.
     */
    @Test
    void theLastVersionIsFoundWhereverTheStockReadModelStands() {
        movements.record(history(PRODUCT, 40));
        var stocks = new StockViews(mongo);

        for (long stockVersion : new long[] {0, 1, 10, 39, 40, 41, 55, 1_000}) {
            if (stockVersion > 0) {
                stocks.applyIfNewer(adjusted(PRODUCT, stockVersion, "delivery").stock());
            }
            var page = movements.page(STORE, PRODUCT, null, null, 0, 3);
            assertThat(page.total())
                    .as("stock read model at version %d", stockVersion)
                    .isEqualTo(40);
            assertThat(page.movements()).extracting(StockMovement::version).containsExactly(40L, 39L, 38L);
        }
    }

    @Test
    void aHistoryProjectedFromPartWayCountsFromItsFirstProjectedVersion() {
        // the topic's retention had dropped versions 1..99 before the projector first read it
        var changes = new ArrayList<StockChanged>();
        for (int v = 100; v <= 170; v++) {
            changes.add(adjusted(PRODUCT, v, "delivery"));
        }
        movements.record(changes.subList(0, 30));
        movements.record(changes.subList(30, changes.size()));
        new StockViews(mongo).applyIfNewer(adjusted(PRODUCT, 150, "delivery").stock());

        var page = movements.page(STORE, PRODUCT, null, null, 65, 10);

        assertThat(page.total()).isEqualTo(71);
        assertThat(page.movements())
                .extracting(StockMovement::version)
                .containsExactly(105L, 104L, 103L, 102L, 101L, 100L);
    }

    /** A stock's head is written once by an instance: a poll of stocks it has already counted writes only movements. */
    @Test
    void aPollOfStocksAlreadyRecordedWritesOnlyItsMovements() {
        backend.assumeEmbedded("statements counted by a command listener on its client");
        var statements = new AtomicInteger();
        var settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri("unused")))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        for (var kind : List.of("documents", "updates")) {
                            if (event.getCommand().get(kind) instanceof BsonArray array) {
                                statements.addAndGet(array.size());
                            }
                        }
                    }
                })
                .build();
        try (var client = MongoClients.create(settings)) {
            var template = new MongoTemplate(client, mongo.getDb().getName());
            var counted = new StockMovements(template, new StockViews(template));
            counted.record(List.of(adjusted(PRODUCT, 1, "delivery"), adjusted(OTHER, 1, "delivery")));
            assertThat(statements.getAndSet(0))
                    .as("two movements and their two heads")
                    .isEqualTo(4);

            counted.record(List.of(adjusted(PRODUCT, 2, null), adjusted(PRODUCT, 3, null), adjusted(OTHER, 2, null)));

            assertThat(statements.get()).as("three movements, no head").isEqualTo(3);
            assertThat(counted.page(STORE, PRODUCT, null, null, 0, 10).movements())
                    .extracting(StockMovement::version)
                    .containsExactly(3L, 2L, 1L);
            assertThat(counted.page(STORE, OTHER, null, null, 0, 10).total()).isEqualTo(2);
        }
    }

    @Test
    void readsAndWritesNeverScanTheCollection() {
        backend.assumeEmbedded("scan counts of its query planner");
        try (var mongo = new ScanCountingMongo()) {
            var template = mongo.template("stock_movements");
            movements = new StockMovements(template, new StockViews(template));
            movements.record(history(PRODUCT, 300));
            movements.record(history(OTHER, 300));
            movements.record(List.of(adjusted(PRODUCT, 301, "count")));

            movements.page(STORE, PRODUCT, null, null, 0, 100);
            movements.page(STORE, PRODUCT, null, null, 250, 100);
            movements.page(STORE, PRODUCT, T0.plusSeconds(6000), T0.plusSeconds(9000), 5, 20);

            assertThat(mongo.scansOf(StockMovements.COLLECTION)).isEmpty();
        }
    }
}
