package pos.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import pos.api.support.MongoBackend;
import pos.api.support.OnEachMongoBackend;
import pos.api.support.ScanCountingMongo;

/**
 * Version-guarded writes against mongo-java-server, the local stack's MongoDB, and against real MongoDB where
 * Docker exists. The scan counts are mongo-java-server's: on MongoDB every filter used here is an {@code _id} lookup.
 */
@OnEachMongoBackend
class VersionedDocumentsIT {

    static final String COLLECTION = "views";
    static ScanCountingMongo mongo;

    @Parameter
    MongoBackend backend;

    MongoTemplate template;
    VersionedDocuments documents;

    @BeforeAll
    static void startMongo() {
        mongo = new ScanCountingMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshDatabase() {
        use(backend.freshDatabase("db"));
    }

    /** For the scan counts: the same writes on a mongo-java-server that records its collection scans. */
    void onScanCountingMongo() {
        use(backend.scanCountingDatabase(mongo));
    }

    void use(MongoTemplate template) {
        this.template = template;
        documents = documentsOn(template);
    }

    /** Documents that other writers add fields to; {@link WholeVersionedDocumentsIT} runs every test on whole ones. */
    VersionedDocuments documentsOn(MongoTemplate template) {
        return new VersionedDocuments(template, COLLECTION, "version");
    }

    boolean whole() {
        return false;
    }

    static Document at(long version, String value) {
        return new Document("version", version).append("value", value);
    }

    Document stored(String id) {
        return template.findById(id, Document.class, COLLECTION);
    }

    @Test
    void appliesOnlyNewerVersions() {
        assertThat(documents.applyIfNewer("a", 3, at(3, "three"))).isTrue();
        assertThat(documents.applyIfNewer("a", 2, at(2, "two"))).isFalse();
        assertThat(documents.applyIfNewer("a", 3, at(3, "three again"))).isFalse();
        assertThat(stored("a")).containsEntry("value", "three");

        assertThat(documents.applyIfNewer("a", 4, at(4, "four")))
                .as("the previous version stored")
                .isTrue();
        assertThat(documents.applyIfNewer("a", 9, at(9, "nine")))
                .as("versions skipped")
                .isTrue();
        assertThat(stored("a")).containsEntry("version", 9L).containsEntry("value", "nine");
    }

    @Test
    void fieldsMayDependOnTheStoredDocument() {
        var seen = new ArrayList<Optional<Document>>();
        documents.applyIfNewer("b", 1, current -> {
            seen.add(current);
            return at(1, "first");
        });
        template.updateFirst(Query.query(Criteria.where("_id").is("b")), Update.update("learnt", "x"), COLLECTION);
        documents.applyIfNewer("b", 2, current -> {
            seen.add(current);
            return at(2, "second").append("learnt", current.orElseThrow().getString("learnt") + "!");
        });

        assertThat(seen.get(0)).isEmpty();
        assertThat(seen.get(1)).get().extracting(d -> d.getString("value")).isEqualTo("first");
        assertThat(stored("b")).containsEntry("value", "second").containsEntry("learnt", "x!");
    }

    @Test
    void insertsOnlyWhenAbsent() {
        assertThat(documents.insertIfAbsent("c", at(0, "placeholder"))).isTrue();
        assertThat(documents.insertIfAbsent("c", at(0, "another"))).isFalse();
        assertThat(stored("c")).containsEntry("value", "placeholder");

        assertThat(documents.applyIfNewer("c", 1, at(1, "decided"))).isTrue();
        assertThat(documents.insertIfAbsent("c", at(0, "late placeholder"))).isFalse();
        assertThat(stored("c")).containsEntry("value", "decided");
    }

    @Test
    void aNewerVersionKeepsTheFieldsItDoesNotBringUnlessItsDocumentsAreWhole() {
        documents.insertIfAbsent("kept", at(0, "zero").append("extra", "x"));
        documents.applyIfNewer("kept", 1, at(1, "one"));
        documents.insertIfAbsent("batched", at(0, "zero").append("extra", "y"));
        documents.applyAllIfNewer(List.of(change("batched", 2, "two")));

        assertThat(stored("kept")).containsEntry("value", "one");
        assertThat(stored("batched")).containsEntry("value", "two");
        if (whole()) {
            assertThat(stored("kept")).doesNotContainKey("extra");
            assertThat(stored("batched")).doesNotContainKey("extra");
        } else {
            assertThat(stored("kept")).containsEntry("extra", "x");
            assertThat(stored("batched")).containsEntry("extra", "y");
        }
    }

    @Test
    void aBatchOfInsertsInsertsTheAbsentAndReturnsOnlyThemLeavingTheStoredAsTheyWere() {
        documents.insertIfAbsent("stored-1", at(0, "first"));
        documents.applyIfNewer("stored-2", 4, at(4, "four"));
        var batch = new LinkedHashMap<String, Document>();
        batch.put("new-1", at(0, "new one"));
        batch.put("stored-1", at(0, "again"));
        batch.put("new-2", at(0, "new two"));
        batch.put("stored-2", at(0, "late"));
        batch.put("new-3", at(0, "new three"));

        assertThat(documents.insertAllIfAbsent(batch)).containsExactlyInAnyOrder("new-1", "new-2", "new-3");

        assertThat(stored("new-1")).containsEntry("value", "new one").containsEntry("_id", "new-1");
        assertThat(stored("new-3")).containsEntry("value", "new three");
        assertThat(stored("stored-1")).containsEntry("value", "first");
        assertThat(stored("stored-2")).containsEntry("version", 4L).containsEntry("value", "four");
        assertThat(documents.insertAllIfAbsent(batch)).isEmpty();
        assertThat(documents.insertAllIfAbsent(Map.of())).isEmpty();
    }

    @Test
    void anIdInAnObjectIdsHexFormIsStoredAsThatObjectIdByEveryInsert() {
        var single = "65b000000000000000000001";
        var batched = "65b000000000000000000002";
        var applied = "65b000000000000000000003";
        documents.insertIfAbsent(single, at(0, "single"));
        documents.insertAllIfAbsent(Map.of(batched, at(0, "batched"), "plain-id", at(0, "plain")));
        documents.applyAllIfNewer(List.of(change(applied, 1, "applied")));

        for (var id : List.of(single, batched, applied)) {
            var found = template.getCollection(COLLECTION)
                    .find(new Document("_id", new ObjectId(id)))
                    .first();
            assertThat(found).as(id).isNotNull();
            assertThat(stored(id)).as(id).isNotNull();
        }
        assertThat(template.getCollection(COLLECTION)
                        .find(new Document("_id", "plain-id"))
                        .first())
                .isNotNull();
    }

    @Test
    void updatesAndDeletesOnlyTheExactVersion() {
        documents.applyIfNewer("d", 5, at(5, "five"));

        assertThat(documents.updateIfVersion("d", 4, Update.update("flag", true)))
                .isFalse();
        assertThat(documents.deleteIfVersion("d", 4)).isFalse();
        assertThat(stored("d")).doesNotContainKey("flag");

        assertThat(documents.updateIfVersion("d", 5, Update.update("flag", true)))
                .isTrue();
        assertThat(stored("d")).containsEntry("flag", true);
        assertThat(documents.deleteIfVersion("d", 5)).isTrue();
        assertThat(stored("d")).isNull();
    }

    @Test
    void racingWritersEndAtTheNewestVersionAndApplyEachAtMostOnce() throws Exception {
        int versions = 200;
        int writers = 8;
        var pool = Executors.newFixedThreadPool(writers);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            var newestApplied = new AtomicReference<Long>(-1L);
            for (int w = 0; w < writers; w++) {
                var order = new ArrayList<>(
                        LongStream.rangeClosed(1, versions).boxed().toList());
                Collections.shuffle(order, new Random(w));
                tasks.add(() -> {
                    int applied = 0;
                    for (long v : order) {
                        if (documents.applyIfNewer("e", v, at(v, "v" + v))) {
                            applied++;
                            newestApplied.accumulateAndGet(v, Math::max);
                        }
                    }
                    return applied;
                });
            }
            int applied = 0;
            for (var result : pool.invokeAll(tasks)) {
                applied += result.get();
            }
            assertThat(applied).isBetween(1, versions);
            assertThat(newestApplied.get()).isEqualTo(versions);
            assertThat(stored("e")).containsEntry("version", (long) versions).containsEntry("value", "v" + versions);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noWriteScansTheCollection() {
        onScanCountingMongo();
        IntStream.range(0, 300).forEach(i -> documents.applyIfNewer("doc" + i, 1, at(1, "one")));
        mongo.forgetScans();

        documents.applyIfNewer("doc7", 2, at(2, "two"));
        documents.applyIfNewer("doc7", 1, at(1, "old"));
        documents.applyIfNewer("doc8", 5, current -> at(5, "five"));
        documents.applyIfNewer("new", 1, at(1, "new"));
        documents.insertIfAbsent("doc9", at(0, "ignored"));
        documents.updateIfVersion("doc9", 1, Update.update("flag", true));
        documents.deleteIfVersion("doc10", 1);

        assertThat(mongo.scansOf(COLLECTION)).isEmpty();
        assertThat(stored("doc7")).containsEntry("value", "two");
        assertThat(stored("doc8")).containsEntry("value", "five");
        assertThat(stored("doc10")).isNull();
    }

    @Test
    void theGuardIndexIsCreatedOnlyOnMongoJavaServer() {
        var indexes = template.indexOps(COLLECTION).getIndexInfo().stream()
                .map(index -> index.getName())
                .toList();

        if (backend.isEmbedded()) {
            assertThat(indexes).contains(VersionedDocuments.guardIndexName("version"));
        } else {
            assertThat(indexes).doesNotContain(VersionedDocuments.guardIndexName("version"));
        }
    }

    @Test
    void aRangeGuardWouldScanTheCollection() {
        // what the read models did before: shows the scan counter sees the scans this class avoids
        onScanCountingMongo();
        IntStream.range(0, 10).forEach(i -> documents.applyIfNewer("doc" + i, 1, at(1, "one")));
        mongo.forgetScans();

        template.updateFirst(
                Query.query(Criteria.where("_id").is("doc3").and("version").lt(2L)),
                Update.update("version", 2L),
                COLLECTION);

        assertThat(mongo.scansOf(COLLECTION)).hasSize(1);
    }

    @Test
    void aBatchWritesTheNewestVersionOfEachDocumentAndSkipsOlderOnes() {
        documents.insertIfAbsent("stale", at(5, "five"));
        documents.insertIfAbsent("behind", at(1, "one"));

        documents.applyAllIfNewer(List.of(
                change("new", 1, "new-1"),
                change("new", 3, "new-3"),
                change("new", 2, "new-2"),
                change("stale", 4, "stale-4"),
                change("behind", 2, "behind-2"),
                change("behind", 3, "behind-3")));

        assertThat(stored("new")).containsEntry("version", 3L).containsEntry("value", "new-3");
        assertThat(stored("stale")).containsEntry("version", 5L).containsEntry("value", "five");
        assertThat(stored("behind")).containsEntry("version", 3L).containsEntry("value", "behind-3");
    }

    @Test
    void aBatchRedoneIsANoOp() {
        var batch = List.of(change("a", 1, "a-1"), change("b", 2, "b-2"));
        documents.applyAllIfNewer(batch);
        documents.applyIfNewer("a", 2, at(2, "a-2"));

        documents.applyAllIfNewer(batch);

        assertThat(stored("a")).containsEntry("version", 2L).containsEntry("value", "a-2");
        assertThat(stored("b")).containsEntry("version", 2L).containsEntry("value", "b-2");
    }

    @Test
    void aBatchRacingSingleWritersEndsAtTheNewestVersion() throws Exception {
        var ids = IntStream.range(0, 50).mapToObj(i -> "doc-" + i).toList();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<Void>>();
            for (long version = 1; version <= 6; version++) {
                long v = version;
                tasks.add(() -> {
                    documents.applyAllIfNewer(
                            ids.stream().map(id -> change(id, v, id + "-" + v)).toList());
                    return null;
                });
                tasks.add(() -> {
                    ids.forEach(id -> documents.applyIfNewer(id, v, at(v, id + "-" + v)));
                    return null;
                });
            }
            Collections.shuffle(tasks, new Random(18));
            for (var future : pool.invokeAll(tasks)) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        ids.forEach(id -> assertThat(stored(id)).containsEntry("version", 6L).containsEntry("value", id + "-6"));
    }

    @Test
    void aBatchScansNothing() {
        onScanCountingMongo();
        documents.applyAllIfNewer(IntStream.range(0, 20)
                .mapToObj(i -> change("doc-" + i, 1, "one"))
                .toList());
        documents.applyAllIfNewer(IntStream.range(0, 20)
                .mapToObj(i -> change("doc-" + i, 2, "two"))
                .toList());
        mongo.forgetScans();

        documents.applyAllIfNewer(IntStream.range(0, 30)
                .mapToObj(i -> change("doc-" + i, 3, "three"))
                .toList());

        assertThat(mongo.scansOf(COLLECTION)).isEmpty();
    }

    static VersionedDocuments.Change change(String id, long version, String value) {
        return new VersionedDocuments.Change(id, version, current -> at(version, value));
    }
}
