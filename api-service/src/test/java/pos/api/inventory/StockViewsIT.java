package pos.api.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import pos.api.support.MongoBackend;
import pos.api.support.OnEachMongoBackend;
import pos.api.support.ScanCountingMongo;
import pos.schemas.event.StockLevelLow;
import pos.schemas.value.StockLevel;

/**
 * The inventory read model against mongo-java-server and real MongoDB: version-guarded, low-stock aware, and
 * (counted on mongo-java-server) index lookups only.
 */
@OnEachMongoBackend
class StockViewsIT {

    static final String STORE = "65a000000000000000000001";
    static final String PRODUCT = "65c000000000000000000001";
    static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @Parameter
    MongoBackend backend;

    StockViews views;

    @BeforeEach
    void freshDatabase() {
        views = new StockViews(backend.freshDatabase("inventory_views"));
    }

    static StockLevel level(String product, long version, int onHand, int reserved) {
        return new StockLevel(
                STORE,
                product,
                BigDecimal.valueOf(onHand),
                BigDecimal.valueOf(reserved),
                BigDecimal.valueOf(onHand - reserved),
                version,
                T0,
                T0.plusSeconds(version));
    }

    @Test
    void keepsTheNewestVersionAndFollowsTheLowStockThreshold() {
        assertThat(views.applyIfNewer(level(PRODUCT, 2, 10, 0))).isTrue();
        assertThat(views.applyIfNewer(level(PRODUCT, 1, 99, 0))).isFalse();
        assertThat(views.applyIfNewer(level(PRODUCT, 2, 99, 0))).isFalse();
        assertThat(views.find(STORE, PRODUCT)).get().satisfies(item -> {
            assertThat(item.qty()).isEqualByComparingTo("10");
            assertThat(item.lowStock()).isFalse();
        });

        assertThat(views.applyIfNewer(level(PRODUCT, 3, 10, 7))).isTrue();
        views.markLow(new StockLevelLow("e3", STORE, PRODUCT, new BigDecimal("3"), new BigDecimal("5"), 3, T0));
        assertThat(views.find(STORE, PRODUCT))
                .get()
                .extracting(InventoryItem::lowStock)
                .isEqualTo(true);

        // the threshold learnt from the low-stock event decides for later versions
        views.applyIfNewer(level(PRODUCT, 4, 20, 0));
        assertThat(views.find(STORE, PRODUCT))
                .get()
                .extracting(InventoryItem::lowStock)
                .isEqualTo(false);
        views.applyIfNewer(level(PRODUCT, 5, 20, 16));
        assertThat(views.find(STORE, PRODUCT))
                .get()
                .extracting(InventoryItem::lowStock)
                .isEqualTo(true);
    }

    @Test
    void aLowStockEventForAnOlderVersionDoesNotMarkANewerOne() {
        views.applyIfNewer(level(PRODUCT, 3, 10, 7));
        views.applyIfNewer(level(PRODUCT, 4, 50, 0));
        views.markLow(new StockLevelLow("e3", STORE, PRODUCT, new BigDecimal("3"), new BigDecimal("5"), 3, T0));

        assertThat(views.find(STORE, PRODUCT))
                .get()
                .extracting(InventoryItem::lowStock)
                .isEqualTo(false);
    }

    @Test
    void changesNeverScanTheCollection() {
        backend.assumeEmbedded("scan counts of its query planner");
        try (var mongo = new ScanCountingMongo()) {
            views = new StockViews(mongo.template("inventory_views"));
            for (int i = 0; i < 200; i++) {
                views.applyIfNewer(level(String.format("65c0000000000000000%05d", i), 1, 10, 0));
            }
            mongo.forgetScans();

            views.applyIfNewer(level(PRODUCT, 2, 10, 1));
            views.applyIfNewer(level(PRODUCT, 2, 10, 1));
            views.applyIfNewer(level(PRODUCT, 4, 3, 1));
            views.markLow(new StockLevelLow("e4", STORE, PRODUCT, new BigDecimal("2"), new BigDecimal("5"), 4, T0));
            views.find(STORE, PRODUCT);

            assertThat(mongo.scansOf(StockViews.COLLECTION)).isEmpty();
        }
    }
}
