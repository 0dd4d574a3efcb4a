package pos.localstack;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A benchmark, not a test (it asserts nothing and is skipped unless {@code -Dbench.durable=true}): what committing
 * the embedded MongoDB's H2 store before every acknowledgement ({@link DurableH2Backend}) costs against
 * mongo-java-server's stock H2 backend (background commit about once a second), per operation, for the write
 * shapes of the order path: single inserts and exact compare-and-set updates from one client, the same from
 * 8 concurrent clients (request threads), and a projector's bulk of 100 guarded updates. Prints microseconds per
 * operation and the data file's size. docs/benchmarks.md records a run.
 * <pre>./mvnw -q -o -pl local-stack -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=DurableCommitBenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.durable=true</pre>
 */
@EnabledIfSystemProperty(named = "bench.durable", matches = "true")
class DurableCommitBenchmarkIT {

    static final int OPERATIONS = Integer.getInteger("bench.durable.operations", 4000);
    static final int CLIENTS = 8;

    @TempDir
    Path dir;

    @Test
    void durableCommitAgainstBackgroundCommit() throws Exception {
        for (int round = 1; round <= 2; round++) {
            run("stock H2 (background commit)", round, H2Backend::new);
            run("durable (commit per write)", round, DurableH2Backend::open);
        }
    }

    void run(String variant, int round, Function<String, MongoBackend> backends) throws Exception {
        var file = dir.resolve(variant.hashCode() + "-" + round + ".mv");
        var backend = backends.apply(file.toString());
        var server = new MongoServer(backend);
        try (var client = MongoClients.create(server.bindAndGetConnectionString())) {
            var orders = client.getDatabase("bench").getCollection("orders");
            // as VersionedDocuments does: the exact (_id, sequence) guard is then an index lookup
            orders.createIndex(com.mongodb.client.model.Indexes.ascending("_id", "sequence"),
                    new com.mongodb.client.model.IndexOptions().unique(true));
            report(variant, round, "insert, 1 client", time(() -> {
                for (int i = 0; i < OPERATIONS; i++) {
                    orders.insertOne(order(i));
                }
            }));
            report(variant, round, "CAS update, 1 client", time(() -> {
                for (int i = 0; i < OPERATIONS; i++) {
                    orders.updateOne(Filters.and(Filters.eq("_id", i), Filters.eq("sequence", 0)),
                            Updates.set("sequence", 1));
                }
            }));
            report(variant, round, "insert, 8 clients", time(() -> concurrently(orders, OPERATIONS)));
            report(variant, round, "bulk of 100 CAS updates", time(() -> {
                for (int start = 0; start < OPERATIONS; start += 100) {
                    var bulk = new ArrayList<UpdateOneModel<Document>>();
                    for (int i = start; i < start + 100; i++) {
                        bulk.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", i), Filters.eq("sequence", 1)),
                                Updates.set("sequence", 2)));
                    }
                    orders.bulkWrite(bulk);
                }
            }));
        } finally {
            server.shutdownNow();
        }
        System.out.printf("BENCH %-30s round %d: data file %.1f MB before close%n", variant, round,
                Files.size(file) / 1e6);
        backend.close();
    }

    private static void concurrently(MongoCollection<Document> orders, int operations) throws Exception {
        var pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            var done = new ArrayList<Future<?>>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNumber = c;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < operations / CLIENTS; i++) {
                        orders.insertOne(order(operations * (clientNumber + 2) + i));
                    }
                }));
            }
            for (var future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Document order(int id) {
        return new Document("_id", id).append("sequence", 0).append("status", "pending")
                .append("store_id", "64b7f0c2a1b2c3d4e5f60718").append("user_id", "64b7f0c2a1b2c3d4e5f60719")
                .append("items", java.util.List.of(new Document("product_id", "64b7f0c2a1b2c3d4e5f60720")
                        .append("name", "Product").append("qty", "1").append("price", "2.50")))
                .append("total", "2.50");
    }

    interface Work {
        void run() throws Exception;
    }

    private static long time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static void report(String variant, int round, String shape, long nanos) {
        System.out.printf("BENCH %-30s round %d: %-24s %7.1f us per operation%n", variant, round, shape,
                nanos / 1e3 / OPERATIONS);
    }
}
