package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk writes on the embedded MongoDB: applied a slice of statements at a time (so a commit, and every write waiting
 * for one, waits for one slice rather than a whole bulk), and answered exactly as mongo-java-server's stock backend
 * answers the whole bulk: the same counts, the same positions of failed statements and upserts, and an ordered insert
 * stopping where it failed.
 */
class EmbeddedMongoBulkWriteTest {

    private static final int BULK = 5 * DurableH2Backend.STATEMENTS_PER_LOCK + 3;

    @TempDir
    Path dir;

    @Test
    void anUnorderedInsertReportsEveryDuplicateAtItsPositionInTheWholeBulk() {
        var answers = onBothBackends(orders -> {
            orders.insertMany(List.of(new Document("_id", "o-20"), new Document("_id", "o-70")));
            var error = catchThrowableOfType(
                    MongoBulkWriteException.class,
                    () -> orders.insertMany(numbered(0, BULK), new InsertManyOptions().ordered(false)));
            return List.of(
                    error.getWriteErrors().stream().map(e -> e.getIndex()).toList(), orders.countDocuments());
        });
        assertThat(answers.get(0)).isEqualTo(List.of(List.of(20, 70), (long) BULK));
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
    }

    @Test
    void anOrderedInsertStopsAtTheFirstDuplicateAsTheWholeBulkDoes() {
        var answers = onBothBackends(orders -> {
            orders.insertOne(new Document("_id", "o-40"));
            var error = catchThrowableOfType(MongoBulkWriteException.class, () -> orders.insertMany(numbered(0, BULK)));
            return List.of(
                    error.getWriteErrors().stream().map(e -> e.getIndex()).toList(),
                    orders.countDocuments(),
                    orders.countDocuments(Filters.eq("_id", "o-41")));
        });
        assertThat(answers.get(0)).isEqualTo(List.of(List.of(40), 41L, 0L));
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
    }

    @Test
    void updatesAndUpsertsAreCountedAndPlacedAsInTheWholeBulk() {
        var answers = onBothBackends(orders -> {
            // every third stored order is confirmed already: matched, not modified
            orders.insertMany(IntStream.range(0, BULK / 2)
                    .mapToObj(i -> new Document("_id", "o-" + i).append("status", i % 3 == 0 ? "confirmed" : "created"))
                    .toList());
            var updates = new ArrayList<WriteModel<Document>>();
            for (int i = 0; i < BULK; i++) {
                updates.add(new UpdateOneModel<>(
                        Filters.eq("_id", "o-" + i),
                        Updates.set("status", "confirmed"),
                        new UpdateOptions().upsert(true)));
            }
            BulkWriteResult result = orders.bulkWrite(updates, new BulkWriteOptions().ordered(false));
            return List.of(
                    result.getMatchedCount(),
                    result.getModifiedCount(),
                    result.getUpserts().stream().map(u -> u.getIndex()).toList(),
                    orders.countDocuments(Filters.eq("status", "confirmed")));
        });
        assertThat((List<Integer>) answers.get(0).get(2))
                .containsExactlyElementsOf(
                        IntStream.range(BULK / 2, BULK).boxed().toList());
        assertThat(answers.get(0).get(0)).isEqualTo(BULK / 2);
        assertThat(answers.get(0).get(1)).isEqualTo((int)
                IntStream.range(0, BULK / 2).filter(i -> i % 3 != 0).count());
        assertThat(answers.get(0).get(3)).isEqualTo((long) BULK);
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
    }

    @Test
    void deletesAreCountedAsInTheWholeBulk() {
        var answers = onBothBackends(orders -> {
            orders.insertMany(numbered(0, BULK));
            var deletes = new ArrayList<WriteModel<Document>>();
            for (int i = 0; i < BULK + 10; i += 2) {
                deletes.add(new DeleteOneModel<>(Filters.eq("_id", "o-" + i)));
            }
            var result = orders.bulkWrite(deletes);
            return List.of(result.getDeletedCount(), orders.countDocuments());
        });
        assertThat(answers.get(0)).isEqualTo(List.of((BULK + 1) / 2, (long) (BULK / 2)));
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
    }

    /**
     * Before, a bulk held the lock a commit takes for as long as it ran: a commit, and every write waiting for one,
     * waited for the whole bulk. Now the commit's lock is had between two slices, with most of the bulk still to come.
     */
    @Test
    void aCommitTakesItsLockBetweenTwoSlicesOfABulk() throws Exception {
        // one command: the driver sends at most 1,000 statements a command (mongo-java-server's maxWriteBatchSize)
        int bulk = 1_000;
        var payload = "x".repeat(2_000);
        try (var opened = ServedFile.asTheStackDoes(dir.resolve("pos.mv"))) {
            var backend = (DurableH2Backend) opened.backend;
            var movements = opened.client.getDatabase("pos").getCollection("movements");
            movements.insertOne(new Document("_id", "first"));
            var pool = Executors.newSingleThreadExecutor();
            try {
                var written = pool.submit(() -> movements.insertMany(IntStream.range(0, bulk)
                        .mapToObj(i -> new Document("_id", "o-" + i).append("payload", payload))
                        .toList()));
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> movements.find(Filters.eq("_id", "o-0")).first() != null);
                var appliedUnderTheCommitLock = new AtomicLong();
                backend.exclusively(() -> appliedUnderTheCommitLock.set(movements.countDocuments() - 1));
                assertThat(appliedUnderTheCommitLock.get())
                        .as("documents of the bulk applied when a commit could take its lock")
                        .isLessThan(bulk / 2);
                written.get(60, TimeUnit.SECONDS);
                assertThat(movements.countDocuments()).isEqualTo(bulk + 1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** The same writes on the stack's backend, then on mongo-java-server's stock H2 backend: what each answered. */
    private List<List<?>> onBothBackends(Function<MongoCollection<Document>, List<?>> writes) {
        var answers = new ArrayList<List<?>>();
        try (var opened = ServedFile.asTheStackDoes(dir.resolve("sliced.mv"))) {
            answers.add(writes.apply(opened.client.getDatabase("pos").getCollection("orders")));
        }
        try (var opened = ServedFile.withTheStockBackend(dir.resolve("stock.mv"))) {
            answers.add(writes.apply(opened.client.getDatabase("pos").getCollection("orders")));
        }
        return answers;
    }

    private static List<Document> numbered(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> new Document("_id", "o-" + i).append("line", i))
                .toList();
    }
}
