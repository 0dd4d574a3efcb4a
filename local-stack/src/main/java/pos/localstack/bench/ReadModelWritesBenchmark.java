package pos.localstack.bench;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import pos.api.readmodel.VersionedDocuments;

/**
 * A benchmark (it lived in the test tree as ReadModelWritesBenchmarkIT but asserts nothing): the cost of the orders
 * read model's guarded writes on the local stack's MongoDB (mongo-java-server on H2), as the collection grows. Each
 * order gets a pending placeholder, then four snapshots written twice each (the request thread and the projector),
 * by the exact compare-and-set of {@link VersionedDocuments} and by the range-guarded upsert it replaced
 * ({@code {_id, sequence: {$lt: n}}}, which the embedded server answers by scanning the collection). Prints
 * milliseconds per order, cumulative, every 500 orders. docs/benchmarks.md records a run. From the repository root:
 * <pre>./mvnw -o -q -pl local-stack -am package -DskipTests
 * java -cp local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar \
 *     -Dloader.main=pos.localstack.bench.ReadModelWritesBenchmark \
 *     org.springframework.boot.loader.launch.PropertiesLauncher [orders, default 3000]</pre>
 */
public final class ReadModelWritesBenchmark {

    private final int orders;
    private final Path dir;

    private ReadModelWritesBenchmark(int orders, Path dir) {
        this.orders = orders;
        this.dir = dir;
    }

    public static void main(String[] args) throws IOException {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Path dir = Files.createTempDirectory("read-model-writes-benchmark");
        try {
            new ReadModelWritesBenchmark(orders, dir).compareAndSetAgainstRangeGuard();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }

    private void compareAndSetAgainstRangeGuard() {
        for (var round = 1; round <= 2; round++) {
            run("range guard (before)", round, false);
            run("compare-and-set (now)", round, true);
        }
    }

    private void run(String variant, int round, boolean compareAndSet) {
        var backend = new H2Backend(
                dir.resolve(variant.hashCode() + "-" + round + ".mv").toString());
        var server = new MongoServer(backend);
        try (var client = MongoClients.create(server.bindAndGetConnectionString())) {
            var mongo = new MongoTemplate(client, "bench");
            var documents = compareAndSet ? new VersionedDocuments(mongo, "orders", "sequence") : null;
            long start = System.nanoTime();
            for (int i = 1; i <= orders; i++) {
                var id = new ObjectId().toHexString();
                if (documents != null) {
                    documents.insertIfAbsent(id, snapshot(0));
                    for (long sequence = 1; sequence <= 4; sequence++) {
                        documents.applyIfNewer(id, sequence, snapshot(sequence));
                        documents.applyIfNewer(id, sequence, snapshot(sequence));
                    }
                } else {
                    var placeholder = new Update();
                    snapshot(0).forEach(placeholder::setOnInsert);
                    mongo.upsert(Query.query(Criteria.where("_id").is(id)), placeholder, "orders");
                    for (long sequence = 1; sequence <= 4; sequence++) {
                        rangeGuardedUpsert(mongo, id, sequence);
                        rangeGuardedUpsert(mongo, id, sequence);
                    }
                }
                if (i % 500 == 0) {
                    System.out.printf(
                            "BENCH %-22s round %d: %5d orders, %.2f ms per order (9 writes)%n",
                            variant, round, i, (System.nanoTime() - start) / 1e6 / i);
                }
            }
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    private static void rangeGuardedUpsert(MongoTemplate mongo, String id, long sequence) {
        var update = new Update();
        snapshot(sequence).forEach(update::set);
        try {
            mongo.upsert(
                    Query.query(Criteria.where("_id").is(id).and("sequence").lt(sequence)), update, "orders");
        } catch (DuplicateKeyException e) {
            // a newer snapshot is there: the upsert tried to insert a second document with this id
        }
    }

    private static Document snapshot(long sequence) {
        var items = new ArrayList<Document>();
        for (int i = 0; i < 3; i++) {
            items.add(new Document("product_id", "65d00000000000000000000" + i)
                    .append("name", "Product " + i)
                    .append("qty", "1")
                    .append("price", "3.50"));
        }
        return new Document("sequence", sequence)
                .append("status", "s" + sequence)
                .append("store_id", "65a000000000000000000001")
                .append("user_id", "65a000000000000000000002")
                .append("items", items)
                .append("total", "10.50");
    }
}
