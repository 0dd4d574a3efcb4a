package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import pos.api.support.MongoBackend;
import pos.api.support.OnEachMongoBackend;

/**
 * The storage side of {@link CatalogRaceIT}, against mongo-java-server and real MongoDB: of concurrent inserts of one
 * SKU or one category name exactly one is stored and the others fail with {@link DuplicateKeyException}, which the
 * API turns into a 400. Check-then-insert could not do that; the unique indexes do.
 */
@OnEachMongoBackend
class CatalogUniqueIndexesIT {

    static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");
    static final int WRITERS = 8;

    @Parameter
    MongoBackend backend;

    MongoTemplate template;
    MongoProducts products;
    MongoCategories categories;

    @BeforeEach
    void freshDatabase() {
        template = backend.freshDatabase("catalog");
        products = new MongoProducts(template);
        products.createIndexes();
        categories = new MongoCategories(template);
        categories.createIndexes();
    }

    @Test
    void exactlyOneOfConcurrentProductsGetsTheSku() throws Exception {
        var outcomes = concurrently(i -> () -> products.insert(new ProductDocument(
                String.format("65d0000000000000000%05d", i),
                "RACE-1",
                "Racer " + i,
                "racer " + i,
                new BigDecimal("1.00"),
                null,
                "pcs",
                null,
                T0,
                T0,
                null,
                1,
                true,
                T0)));

        assertThat(outcomes).filteredOn(o -> o == null).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o != null)
                .hasSize(WRITERS - 1)
                .allSatisfy(o -> assertThat(o).isInstanceOf(DuplicateKeyException.class));
        assertThat(template.getCollection(MongoProducts.COLLECTION).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void exactlyOneOfConcurrentCategoriesGetsTheName() throws Exception {
        var outcomes = concurrently(i -> () -> categories.insert(new CategoryDocument(
                String.format("65e0000000000000000%05d", i), "racecat", "Race " + i, "RC", null, true, T0, T0)));

        assertThat(outcomes).filteredOn(o -> o == null).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o != null)
                .hasSize(WRITERS - 1)
                .allSatisfy(o -> assertThat(o).isInstanceOf(DuplicateKeyException.class));
        assertThat(template.getCollection(MongoCategories.COLLECTION).countDocuments())
                .isEqualTo(1);
    }

    /** Runs the writes at once; per writer null when it succeeded, else what it threw. */
    private static ArrayList<Throwable> concurrently(IntFunction<Callable<?>> write) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(WRITERS);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < WRITERS; i++) {
                var call = write.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            var outcomes = new ArrayList<Throwable>();
            for (var future : futures) {
                try {
                    future.get(30, TimeUnit.SECONDS);
                    outcomes.add(null);
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
