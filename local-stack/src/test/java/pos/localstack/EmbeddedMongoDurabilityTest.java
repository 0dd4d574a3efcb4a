package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pos.testing.FreePorts;

/**
 * What a {@code kill -9} of the local stack leaves of the embedded MongoDB: the data file as it is at that moment
 * (what the process had written to it; the operating system keeps it). A copy of the file taken while the server
 * runs is exactly that, so each test writes through the MongoDB wire protocol, copies the file right after the last
 * acknowledgement, and opens the copy as a restarted stack would. With mongo-java-server's stock H2 backend, whose
 * MVStore commits in the background about once a second, the last acknowledged writes are missing from the copy.
 */
class EmbeddedMongoDurabilityTest {

    private static final int DOCUMENTS = 300;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedInsertUpdateAndDeleteIsInTheFileAtOnce() throws IOException {
        var file = dir.resolve("pos.mv");
        try (var mongo = EmbeddedMongo.start(file, FreePorts.next());
                var client = MongoClients.create(mongo.uri("pos"))) {
            var accounts = client.getDatabase("pos").getCollection("accounts");
            accounts.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
            for (int i = 0; i < DOCUMENTS; i++) {
                accounts.insertOne(
                        new Document("_id", i).append("username", "user-" + i).append("version", 0));
            }
            for (int i = 0; i < DOCUMENTS; i += 2) {
                accounts.updateOne(Filters.eq("_id", i), Updates.set("version", 1));
            }
            accounts.deleteOne(Filters.eq("_id", DOCUMENTS - 1));
            Files.copy(file, dir.resolve("after-kill.mv"));
        }

        try (var restarted = ServedFile.asTheStackDoes(dir.resolve("after-kill.mv"))) {
            var accounts = restarted.client.getDatabase("pos").getCollection("accounts");
            assertThat(accounts.countDocuments()).isEqualTo(DOCUMENTS - 1);
            assertThat(accounts.countDocuments(Filters.eq("version", 1))).isEqualTo(DOCUMENTS / 2);
            // the unique index came back with the documents: every username is still found through it
            assertThat(accounts.find(Filters.eq("username", "user-" + (DOCUMENTS - 2)))
                            .first())
                    .isNotNull();
        }
    }

    /**
     * The read models' compare-and-set writes filter on the id and the version ({@code {_id: id, sequence: n}}).
     * mongo-java-server serves a query from an index only when it names exactly the index's fields, so these read
     * every document of the collection (12–15 ms a write with 20,000 documents): they must read only the named ones.
     */
    @Test
    void aQueryNamingIdsBesideOtherFieldsReadsOnlyThoseDocuments() throws IOException {
        var file = dir.resolve("pos.mv");
        int orders = 3_000;
        storeOrdersWithTheStack(
                file, orders, collection -> {}, j -> new Document("_id", "order-" + j).append("sequence", 1L));

        try (var restarted = ServedFile.asTheStackDoes(file)) {
            var backend = (DurableH2Backend) restarted.backend;
            var collection = restarted.client.getDatabase("pos").getCollection("orders");
            long readBefore = backend.pageReads();
            var current = new Document("_id", "order-10").append("sequence", 1L);
            assertThat(collection
                            .updateOne(current, Updates.set("sequence", 2L))
                            .getModifiedCount())
                    .isEqualTo(1);
            var stale = new Document("_id", "order-11").append("sequence", 0L);
            assertThat(collection.updateOne(stale, Updates.set("sequence", 2L)).getMatchedCount())
                    .isZero();
            assertThat(collection
                            .find(new Document("_id", "order-10").append("sequence", 2L))
                            .first())
                    .isNotNull();
            // find, not countDocuments: a count is an aggregation, which reads every document whatever its filter
            assertThat(collection
                            .find(new Document("_id", new Document("$in", List.of("order-20", "order-21", "order-10")))
                                    .append("sequence", 1L))
                            .into(new ArrayList<>()))
                    .hasSize(2);
            assertThat(collection
                            .deleteOne(new Document("_id", "order-30").append("sequence", 1L))
                            .getDeletedCount())
                    .isEqualTo(1);
            long readByThem = backend.pageReads() - readBefore;

            // a filter no index serves reads every document once
            assertThat(collection.find(Filters.eq("note", "absent")).first()).isNull();
            long readByAScan = backend.pageReads() - readBefore - readByThem;
            assertThat(readByThem)
                    .as("pages read by five queries naming ids, against %d read by one scan", readByAScan)
                    .isLessThan(readByAScan / 10);
            assertThat(collection.countDocuments(Filters.eq("sequence", 1L))).isEqualTo(orders - 2);
        }
    }

    @Test
    void reopeningAFileReadsNoDocumentForTheSecondaryIndexesItDoesNotBuild() throws IOException {
        var file = dir.resolve("pos.mv");
        int orders = 3_000;
        storeOrdersWithTheStack(
                file,
                orders,
                collection -> {
                    collection.createIndex(
                            Indexes.compoundIndex(Indexes.ascending("store_id"), Indexes.descending("at")));
                    collection.createIndex(Indexes.descending("at"));
                    collection.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
                },
                j -> new Document("_id", "order-" + j)
                        .append("number", j)
                        .append("store_id", "store-" + j % 7)
                        .append("at", j));

        try (var restarted = ServedFile.asTheStackDoes(file)) {
            long readAtOpen = ((DurableH2Backend) restarted.backend).pageReads();
            var collection = restarted.client.getDatabase("pos").getCollection("orders");
            // a filter no index serves reads every document once
            assertThat(collection.countDocuments(Filters.eq("note", "absent"))).isZero();
            long readByAScan = ((DurableH2Backend) restarted.backend).pageReads() - readAtOpen;

            assertThat(readAtOpen)
                    .as("pages read opening the file, against %d read by one scan of the orders", readByAScan)
                    .isLessThan(readByAScan / 4);
            // what the indexes serve is unchanged: the unique one still finds and guards, the others serve nothing
            assertThat(collection.find(Filters.eq("number", orders - 1)).first())
                    .isNotNull()
                    .extracting(d -> d.get("_id"))
                    .isEqualTo("order-" + (orders - 1));
            assertThat(collection.countDocuments(Filters.eq("store_id", "store-3")))
                    .isEqualTo(orders / 7 + 1);
            assertThat(collection
                            .find()
                            .sort(new Document("at", -1))
                            .limit(1)
                            .first()
                            .get("_id"))
                    .isEqualTo("order-" + (orders - 1));
            collection.createIndex(Indexes.descending("at"));
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "again").append("number", 5)))
                    .hasMessageContaining("duplicate key");
        }
    }

    @Test
    void concurrentWritersAreAllInTheFileWhenAcknowledged() throws Exception {
        var file = dir.resolve("pos.mv");
        int writers = 8;
        try (var mongo = EmbeddedMongo.start(file, FreePorts.next());
                var client = MongoClients.create(mongo.uri("pos"))) {
            var orders = client.getDatabase("pos").getCollection("orders");
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                var done = new java.util.ArrayList<Future<?>>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < DOCUMENTS / writers; i++) {
                            orders.insertOne(new Document("_id", writer + "-" + i));
                        }
                    }));
                }
                for (var future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Files.copy(file, dir.resolve("after-kill.mv"));
        }

        try (var restarted = ServedFile.asTheStackDoes(dir.resolve("after-kill.mv"))) {
            assertThat(restarted
                            .client
                            .getDatabase("pos")
                            .getCollection("orders")
                            .countDocuments())
                    .isEqualTo(DOCUMENTS / writers * writers);
        }
    }

    /**
     * A read model's version guard ({@code (_id, version)}, unique) adds nothing to the {@code _id} index here: no two
     * documents share an {@code _id}, and a query naming one is looked up through the {@code _id} index. So it is not
     * kept (no map, no writes), yet listed, and every write answers as on the stock backend, which keeps it.
     */
    @Test
    void aUniqueIndexBeginningWithTheIdIsListedButNotKeptAndWritesAnswerAsWithIt() {
        List<List<?>> answers = new ArrayList<>();
        for (var opened : List.of(
                ServedFile.asTheStackDoes(dir.resolve("stack.mv")),
                ServedFile.withTheStockBackend(dir.resolve("stock.mv")))) {
            try (opened) {
                var stock = opened.client.getDatabase("pos").getCollection("inventory");
                stock.createIndex(
                        Indexes.compoundIndex(Indexes.ascending("_id"), Indexes.ascending("version")),
                        new IndexOptions().unique(true).name("_id_version_guard"));
                stock.insertOne(new Document("_id", "s-1/p-1").append("version", 1L));
                stock.insertOne(new Document("_id", "s-1/p-2").append("version", 1L));
                answers.add(List.of(
                        stock.updateOne(
                                        new Document("_id", "s-1/p-1").append("version", 1L),
                                        Updates.set("version", 2L))
                                .getModifiedCount(),
                        stock.updateOne(
                                        new Document("_id", "s-1/p-1").append("version", 1L),
                                        Updates.set("version", 3L))
                                .getMatchedCount(),
                        // the same version on another id is no duplicate: the _id tells them apart
                        stock.updateOne(
                                        new Document("_id", "s-1/p-2").append("version", 1L),
                                        Updates.set("version", 2L))
                                .getModifiedCount(),
                        org.assertj.core.api.Assertions.catchThrowable(
                                        () -> stock.insertOne(new Document("_id", "s-1/p-1").append("version", 9L)))
                                .getClass()
                                .getSimpleName(),
                        stock.find(new Document("_id", "s-1/p-1").append("version", 2L))
                                .into(new ArrayList<>()),
                        stock.listIndexes().into(new ArrayList<>()).stream()
                                .map(index -> index.getString("name") + " unique=" + index.get("unique"))
                                .sorted()
                                .toList()));
                if (opened.backend instanceof DurableH2Backend stack) {
                    assertThat(stack.mapNames())
                            .anyMatch(name -> name.endsWith("inventory._index__id_"))
                            .noneMatch(name -> name.contains("_id_version_guard"));
                }
            }
        }
        assertThat(answers.get(0).get(5)).asList().contains("_id_version_guard unique=true");
        assertThat(answers.get(0)).isEqualTo(answers.get(1));
    }

    @Test
    void aFileWhoseIdGuardIndexWasBuiltIsOpenedWithoutItAndItsSpaceIsFreed() throws IOException {
        var file = dir.resolve("pos.mv");
        try (var before = ServedFile.withTheStockBackend(file)) {
            var orders = before.client.getDatabase("pos").getCollection("orders");
            orders.createIndex(
                    Indexes.compoundIndex(Indexes.ascending("_id"), Indexes.ascending("sequence")),
                    new IndexOptions().unique(true).name("_id_sequence_guard"));
            orders.insertOne(new Document("_id", "o-1").append("sequence", 1L));
        }

        try (var restarted = ServedFile.asTheStackDoes(file)) {
            var orders = restarted.client.getDatabase("pos").getCollection("orders");
            assertThat(orders.updateOne(new Document("_id", "o-1").append("sequence", 1L), Updates.set("sequence", 2L))
                            .getModifiedCount())
                    .isEqualTo(1);
            assertThat(((DurableH2Backend) restarted.backend).mapNames())
                    .noneMatch(name -> name.contains("_id_sequence_guard"));
        }
        try (var again = ServedFile.asTheStackDoes(file)) {
            var orders = again.client.getDatabase("pos").getCollection("orders");
            assertThat(orders.find(new Document("_id", "o-1")).first()).containsEntry("sequence", 2L);
            assertThat(((DurableH2Backend) again.backend).mapNames())
                    .noneMatch(name -> name.contains("_id_sequence_guard"));
        }
    }

    /**
     * A read takes no lock, so commits and compaction go on while it runs; a long one (the Idempotency-Key clean-up
     * scanning a million keys) read pages of chunks that had been freed meanwhile and failed with "Chunk … not
     * found". A read keeps the version it reads in use until it ends. Here a scan stops after its first pages, every
     * document is rewritten, then 600 more writes commit one by one with compaction every tenth (as under order
     * load), freed chunks are dropped at once (no retention time), and the scan then reads on: the pages it has not
     * reached are in the old chunks only. Without the version kept in use: "Chunk 2 not found".
     */
    @Test
    void aReadFindsEveryPageItNeedsWhileWritesAndCompactionFreeChunksBesideIt() {
        var file = dir.resolve("pos.mv");
        int documents = 60_000;
        try (var before = new ServedFile(DurableH2Backend.open(file.toString(), DurableH2Backend.PAGE_SPLIT_SIZE, 0))) {
            var keys = before.client.getDatabase("pos").getCollection("keys");
            var batch = new ArrayList<Document>();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", String.format("key-%06d", i))
                        .append("round", 0)
                        .append("body", "x".repeat(400)));
                if (batch.size() == 1_000) {
                    keys.insertMany(batch);
                    batch.clear();
                }
            }
        }

        // reopened: nothing cached, so the scan reads its pages from the file
        try (var opened = new ServedFile(DurableH2Backend.open(file.toString(), DurableH2Backend.PAGE_SPLIT_SIZE, 0))) {
            var backend = (DurableH2Backend) opened.backend;
            var keys = opened.client.getDatabase("pos").getCollection("keys");
            var documentsMap = backend.openedMap("databases.pos.keys");

            long scanned = backend.readingOneVersion(() -> {
                var scan = documentsMap.keyIterator(null);
                long seen = 0;
                for (; seen < 100; seen++) {
                    scan.next();
                }
                keys.updateMany(new Document(), Updates.set("round", 1));
                var random = new Random(7);
                for (int i = 0; i < 600; i++) {
                    keys.updateOne(
                            Filters.eq("_id", String.format("key-%06d", random.nextInt(documents))),
                            Updates.set("round", -1));
                    if (i % 10 == 0) {
                        backend.housekeeping();
                    }
                }
                for (; scan.hasNext(); seen++) {
                    scan.next();
                }
                return seen;
            });

            assertThat(scanned).isEqualTo(documents);
        }
    }

    @Test
    void opensADataFileTheStockBackendWroteAndConvertsItToBson() throws IOException {
        var file = dir.resolve("pos.mv");
        try (var before = ServedFile.withTheStockBackend(file)) {
            var users = before.client.getDatabase("pos").getCollection("users");
            users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
            users.insertOne(
                    new Document("_id", "kept").append("username", "ada").append("stores", java.util.List.of("s-1")));
        }

        for (int restart = 0; restart < 2; restart++) {
            try (var mongo = EmbeddedMongo.start(file, FreePorts.next());
                    var client = MongoClients.create(mongo.uri("pos"))) {
                var users = client.getDatabase("pos").getCollection("users");
                assertThat(users.find(Filters.eq("username", "ada")).first())
                        .isEqualTo(new Document("_id", "kept")
                                .append("username", "ada")
                                .append("stores", java.util.List.of("s-1")));
                users.insertOne(new Document("_id", "added-" + restart).append("username", "user-" + restart));
                assertThat(users.countDocuments()).isEqualTo(2 + restart);
                // the unique index was converted with the documents: it still refuses a duplicate
                assertThat(org.assertj.core.api.Assertions.catchThrowable(
                                () -> users.insertOne(new Document("_id", "other").append("username", "ada"))))
                        .isInstanceOf(com.mongodb.MongoWriteException.class);
            }
        }
    }

    @Test
    void documentsHeldAsBytesAreStoredInTheFormatEarlierVersionsReadAndWrote() throws IOException {
        var file = dir.resolve("pos.mv");
        try (var mongo = EmbeddedMongo.start(file, FreePorts.next());
                var client = MongoClients.create(mongo.uri("pos"))) {
            client.getDatabase("pos")
                    .getCollection("orders")
                    .insertOne(new Document("_id", "o-1")
                            .append("status", "created")
                            .append("lines", List.of(1, 2)));
        }
        // as the previous version opened every map: documents decoded by BsonValueType
        var store =
                new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).open();
        try {
            var orders = store.openMap(
                    "databases.pos.orders",
                    new org.h2.mvstore.MVMap.Builder<Object, Object>()
                            .keyType(BsonValueType.INSTANCE)
                            .valueType(BsonValueType.INSTANCE));
            assertThat(orders.get("o-1"))
                    .isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", "o-1")
                            .append("status", "created")
                            .append("lines", List.of(1, 2)));
            orders.put("o-1", new de.bwaldvogel.mongo.bson.Document("_id", "o-1").append("status", "completed"));
            store.commit();
        } finally {
            store.close();
        }

        try (var reopened = ServedFile.asTheStackDoes(file)) {
            var orders = reopened.client.getDatabase("pos").getCollection("orders");
            assertThat(orders.find(Filters.eq("_id", "o-1")).first())
                    .isEqualTo(new Document("_id", "o-1").append("status", "completed"));
        }
    }

    @Test
    void keepsTheDataSizeTheStockCollectionKeeps() {
        var sizes = new ArrayList<Object>();
        for (var backend : List.of(
                H2Backend.inMemory(),
                DurableH2Backend.open(dir.resolve("pos.mv").toString()))) {
            try (var stack = new ServedFile(backend)) {
                var database = stack.client.getDatabase("pos");
                var orders = database.getCollection("orders");
                for (int i = 0; i < 20; i++) {
                    orders.insertOne(new Document("_id", "o-" + i).append("status", "created"));
                }
                orders.updateMany(Filters.lt("_id", "o-5"), Updates.set("note", "x".repeat(100)));
                orders.replaceOne(Filters.eq("_id", "o-7"), new Document("status", "completed"));
                orders.deleteMany(Filters.in("_id", "o-1", "o-2", "o-3"));
                sizes.add(
                        database.runCommand(new Document("collStats", "orders")).get("size"));
            }
        }
        assertThat(sizes.get(1)).isEqualTo(sizes.get(0)).isNotEqualTo(0);
    }

    @Test
    void housekeepingKeepsTheFileBoundedWhileTheSameDocumentsAreRewritten() throws IOException {
        var file = dir.resolve("pos.mv");
        var padding = "x".repeat(1_000);
        int rounds = 60;
        long sizeAfterFirstRounds = 0;
        long housekeepingNanos = 0;
        // freed space reused at once, as the stack's does after its retention time of a few seconds
        try (var opened = new ServedFile(DurableH2Backend.open(file.toString(), DurableH2Backend.PAGE_SPLIT_SIZE, 0))) {
            var orders = opened.client.getDatabase("pos").getCollection("orders");
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < DOCUMENTS; i++) {
                    orders.replaceOne(
                            Filters.eq("_id", i),
                            new Document("_id", i).append("round", round).append("padding", padding),
                            new com.mongodb.client.model.ReplaceOptions().upsert(true));
                }
                long start = System.nanoTime();
                ((DurableH2Backend) opened.backend).housekeeping();
                housekeepingNanos += System.nanoTime() - start;
                if (round == 9) {
                    sizeAfterFirstRounds = Files.size(file);
                }
            }
            assertThat(orders.countDocuments(Filters.eq("round", rounds - 1))).isEqualTo(DOCUMENTS);
        }
        // six times the rewrites, yet the file grew by at most half: freed space is reused, not appended to
        long live = (long) DOCUMENTS * padding.length();
        System.out.printf(
                "file %d KB after 10 rounds, %d KB after %d (live data about %d KB); housekeeping %d ms%n",
                sizeAfterFirstRounds / 1024,
                Files.size(file) / 1024,
                rounds,
                live / 1024,
                housekeepingNanos / 1_000_000);
        assertThat(Files.size(file)).isLessThan(Math.max(sizeAfterFirstRounds * 3 / 2, 10 * live));
    }

    @Test
    void readsGoOnWhileACommitHoldsTheStoreAndWritesWaitForIt() throws Exception {
        try (var opened = ServedFile.asTheStackDoes(dir.resolve("pos.mv"))) {
            var orders = opened.client.getDatabase("pos").getCollection("orders");
            orders.insertOne(new Document("_id", "o-1").append("status", "created"));
            var backend = (DurableH2Backend) opened.backend;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                var write = new java.util.concurrent.atomic.AtomicReference<Future<?>>();
                backend.exclusively(() -> {
                    write.set(pool.submit(() -> orders.insertOne(new Document("_id", "o-2"))));
                    var read = pool.submit(
                            () -> orders.find(Filters.eq("_id", "o-1")).first());
                    try {
                        assertThat(read.get(10, java.util.concurrent.TimeUnit.SECONDS))
                                .containsEntry("status", "created");
                        assertThat(orders.countDocuments()).isEqualTo(1);
                    } catch (Exception e) {
                        throw new AssertionError("a read waited for the commit", e);
                    }
                    assertThat(write.get()).isNotDone();
                });
                write.get().get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(orders.countDocuments()).isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Group commit: a write is applied at once (a read sees it) but its reply waits for the commit that writes it to
     * the file, and the writes that waited together are written by one commit.
     */
    @Test
    void aWritesReplyWaitsForItsCommitAndOneCommitServesTheWritersThatWaitedTogether() throws Exception {
        int writers = 8;
        try (var opened = ServedFile.asTheStackDoes(dir.resolve("pos.mv"))) {
            var orders = opened.client.getDatabase("pos").getCollection("orders");
            orders.insertOne(new Document("_id", "first"));
            var backend = (DurableH2Backend) opened.backend;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                var writes = new java.util.ArrayList<Future<?>>();
                long commitsBefore;
                try (var hold = backend.holdCommits()) {
                    commitsBefore = backend.commits();
                    for (int w = 0; w < writers; w++) {
                        var id = "held-" + w;
                        writes.add(pool.submit(() -> orders.insertOne(new Document("_id", id))));
                    }
                    org.awaitility.Awaitility.await()
                            .atMost(java.time.Duration.ofSeconds(10))
                            .until(() -> orders.countDocuments() == writers + 1);
                    assertThat(writes)
                            .as("no write is acknowledged before its commit")
                            .noneMatch(Future::isDone);
                }
                for (var write : writes) {
                    write.get(10, java.util.concurrent.TimeUnit.SECONDS);
                }
                assertThat(backend.commits() - commitsBefore)
                        .as("commits for %d writes that waited together", writers)
                        .isBetween(1L, 2L);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void onlyCommandsThatCannotWriteAreReadOnly() {
        assertThat(DurableH2Backend.isReadOnly("find", new de.bwaldvogel.mongo.bson.Document()))
                .isTrue();
        assertThat(DurableH2Backend.isReadOnly(
                        "aggregate",
                        new de.bwaldvogel.mongo.bson.Document(
                                "pipeline",
                                java.util.List.of(new de.bwaldvogel.mongo.bson.Document(
                                        "$match", new de.bwaldvogel.mongo.bson.Document())))))
                .isTrue();
        assertThat(DurableH2Backend.isReadOnly(
                        "aggregate",
                        new de.bwaldvogel.mongo.bson.Document(
                                "pipeline", java.util.List.of(new de.bwaldvogel.mongo.bson.Document("$out", "copy")))))
                .isFalse();
        assertThat(DurableH2Backend.isReadOnly(
                        "aggregate",
                        new de.bwaldvogel.mongo.bson.Document(
                                "pipeline",
                                java.util.List.of(new de.bwaldvogel.mongo.bson.Document("$merge", "copy")))))
                .isFalse();
        for (var write : java.util.List.of("insert", "update", "delete", "findAndModify", "createIndexes", "drop")) {
            assertThat(DurableH2Backend.isReadOnly(write, new de.bwaldvogel.mongo.bson.Document()))
                    .as(write)
                    .isFalse();
        }
    }

    /**
     * Writes {@code count} orders through the local stack's embedded MongoDB into {@code file} (each padded with a
     * 400-character note, 500 a command) after {@code prepare}, and stops it.
     */
    private static void storeOrdersWithTheStack(
            Path file,
            int count,
            java.util.function.Consumer<com.mongodb.client.MongoCollection<Document>> prepare,
            java.util.function.IntFunction<Document> order)
            throws IOException {
        try (var mongo = EmbeddedMongo.start(file, FreePorts.next());
                var client = MongoClients.create(mongo.uri("pos"))) {
            var collection = client.getDatabase("pos").getCollection("orders");
            prepare.accept(collection);
            var padding = "x".repeat(400);
            for (int i = 0; i < count; i += 500) {
                var batch = new ArrayList<Document>();
                for (int j = i; j < Math.min(count, i + 500); j++) {
                    batch.add(order.apply(j).append("note", padding));
                }
                collection.insertMany(batch);
            }
        }
    }
}
