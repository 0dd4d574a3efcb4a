package pos.localstack;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * A benchmark (a {@code main}, outside the test tree: it asserts nothing): what committing
 * the embedded MongoDB's H2 store before every acknowledgement ({@link DurableH2Backend}) costs against
 * mongo-java-server's stock H2 backend (background commit about once a second), per operation, for the write
 * shapes of the order path: single inserts and exact compare-and-set updates from one client, the same from
 * 8 concurrent clients (request threads), and a projector's bulk of 100 guarded updates. Prints microseconds per
 * operation and the data file's size. docs/benchmarks.md records a run. From the repository root:
 * <pre>./mvnw -o -q -pl local-stack -am package -DskipTests
 * java -cp local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar \
 *     -Dloader.main=pos.localstack.DurableCommitBenchmark \
 *     org.springframework.boot.loader.launch.PropertiesLauncher [operations, default 3000]</pre>
 */
public final class DurableCommitBenchmark {

    static final int CLIENTS = 8;

    private final int operations;
    private final int sustained;
    private final Path dir;

    private DurableCommitBenchmark(int operations, Path dir) {
        this.operations = operations;
        this.sustained = operations * 8;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Path dir = Files.createTempDirectory("durable-commit-benchmark");
        try {
            new DurableCommitBenchmark(operations, dir).durableCommitAgainstBackgroundCommit();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }

    private void durableCommitAgainstBackgroundCommit() throws Exception {
        for (int round = 1; round <= 2; round++) {
            run("stock H2 (background commit)", round, H2Backend::new);
            run("durable, 16 KB pages", round, file -> DurableH2Backend.open(file, 16 * 1024));
            run(
                    "durable, 4 KB pages (used)",
                    round,
                    file -> DurableH2Backend.open(file, DurableH2Backend.PAGE_SPLIT_SIZE));
        }
    }

    private void run(String variant, int round, Function<String, MongoBackend> backends) throws Exception {
        var file = dir.resolve(variant.hashCode() + "-" + round + ".mv");
        var backend = backends.apply(file.toString());
        var server = new MongoServer(backend);
        // as EmbeddedMongo does: compaction keeps the file from growing with every commit
        var housekeeping = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        if (backend instanceof DurableH2Backend durable) {
            housekeeping.scheduleWithFixedDelay(
                    durable::housekeeping,
                    EmbeddedMongo.HOUSEKEEPING_SECONDS,
                    EmbeddedMongo.HOUSEKEEPING_SECONDS,
                    java.util.concurrent.TimeUnit.SECONDS);
        }
        try (var client = MongoClients.create(server.bindAndGetConnectionString())) {
            var orders = client.getDatabase("bench").getCollection("orders");
            // as VersionedDocuments does: the exact (_id, sequence) guard is then an index lookup
            orders.createIndex(
                    com.mongodb.client.model.Indexes.ascending("_id", "sequence"),
                    new com.mongodb.client.model.IndexOptions().unique(true));
            report(variant, round, "insert, 1 client", time(() -> {
                for (int i = 0; i < operations; i++) {
                    orders.insertOne(order(i));
                }
            }));
            report(variant, round, "CAS update, 1 client", time(() -> {
                for (int i = 0; i < operations; i++) {
                    orders.updateOne(new Document("_id", i).append("sequence", 0), Updates.set("sequence", 1));
                }
            }));
            report(variant, round, "insert, 8 clients", time(() -> concurrently(orders, operations)));
            report(variant, round, "bulk of 100 CAS updates", time(() -> {
                for (int start = 0; start < operations; start += 100) {
                    var bulk = new ArrayList<UpdateOneModel<Document>>();
                    for (int i = start; i < start + 100; i++) {
                        bulk.add(new UpdateOneModel<>(
                                new Document("_id", i).append("sequence", 1), Updates.set("sequence", 2)));
                    }
                    orders.bulkWrite(bulk);
                }
            }));
            // the same documents updated for a while: does compaction keep the file's size bounded?
            long sustainedStart = System.nanoTime();
            for (int i = 0; i < sustained; i++) {
                int id = i % operations;
                long sequence = 2 + i / operations;
                orders.updateOne(
                        new Document("_id", id).append("sequence", sequence), Updates.set("sequence", sequence + 1));
                if ((i + 1) % (sustained / 4) == 0) {
                    System.out.printf(
                            "BENCH %-30s round %d: %6d more CAS updates, %7.1f us each, file %.1f MB%n",
                            variant,
                            round,
                            i + 1,
                            (System.nanoTime() - sustainedStart) / 1e3 / (i + 1),
                            Files.size(file) / 1e6);
                }
            }
        } finally {
            housekeeping.shutdownNow();
            server.shutdownNow();
        }
        System.out.printf(
                "BENCH %-30s round %d: data file %.1f MB before close%n", variant, round, Files.size(file) / 1e6);
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
        return new Document("_id", id)
                .append("sequence", 0)
                .append("status", "pending")
                .append("store_id", "64b7f0c2a1b2c3d4e5f60718")
                .append("user_id", "64b7f0c2a1b2c3d4e5f60719")
                .append(
                        "items",
                        java.util.List.of(new Document("product_id", "64b7f0c2a1b2c3d4e5f60720")
                                .append("name", "Product")
                                .append("qty", "1")
                                .append("price", "2.50")))
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

    private void report(String variant, int round, String shape, long nanos) {
        System.out.printf(
                "BENCH %-30s round %d: %-24s %7.1f us per operation%n",
                variant, round, shape, nanos / 1e3 / operations);
    }
}
