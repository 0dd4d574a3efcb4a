package pos.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Query;
import pos.api.support.MongoBackend;
import pos.api.support.OnEachMongoBackend;

/**
 * The Idempotency-Key store against mongo-java-server and real MongoDB: one owner per (user, key) through the unique
 * index, however many first requests race; lease take-over as a compare-and-set; expiry by the application's
 * clean-up on both, and by the TTL index on MongoDB (mongo-java-server keeps TTL indexes but never expires).
 */
@OnEachMongoBackend
class MongoIdempotencyStoreIT {

    /** The store's clock is the caller's; far ahead, so MongoDB's TTL monitor deletes nothing during a test. */
    static final Instant T0 = Instant.parse("2100-01-01T10:00:00Z");

    @Parameter
    MongoBackend backend;

    MongoTemplate template;
    MongoIdempotencyStore store;

    @BeforeEach
    void freshDatabase() {
        template = backend.freshDatabase("idempotency");
        store = new MongoIdempotencyStore(template);
    }

    static IdempotencyRecord record(String user, String key, Instant leaseUntil, Instant expiresAt) {
        return new IdempotencyRecord(
                null,
                user,
                key,
                "fingerprint-" + key,
                false,
                "65b000000000000000000001",
                "command-" + key,
                leaseUntil,
                null,
                T0,
                expiresAt);
    }

    @Test
    void aBatchOfClaimsInsertsEveryNewKeyAndRefusesEachTakenOne() {
        var existing = store.insertIfAbsent(record("user-1", "taken", T0, T0.plusSeconds(3600)))
                .orElseThrow();

        var results = store.insertAllIfAbsent(List.of(
                record("user-1", "taken", T0, T0.plusSeconds(3600)),
                record("user-1", "new", T0, T0.plusSeconds(3600)),
                record("user-2", "taken", T0, T0.plusSeconds(3600)),
                record("user-1", "new", T0, T0.plusSeconds(3600))));

        assertThat(results).extracting(Optional::isPresent).containsExactly(false, true, true, false);
        assertThat(store.find("user-1", "taken")).contains(existing);
        assertThat(store.find("user-1", "new")).isEqualTo(results.get(1));
        assertThat(store.find("user-2", "taken")).isEqualTo(results.get(2));
        assertThat(results.get(1).orElseThrow().id())
                .isNotEqualTo(results.get(2).orElseThrow().id());
        assertThat(template.count(new Query(), MongoIdempotencyStore.COLLECTION))
                .isEqualTo(3);
        assertThat(store.insertAllIfAbsent(List.of())).isEmpty();
    }

    @Test
    void exactlyOneOfRacingFirstRequestsOwnsTheKey() throws Exception {
        int requests = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(requests);
        try {
            var tasks = new ArrayList<Callable<Optional<IdempotencyRecord>>>();
            for (int i = 0; i < requests; i++) {
                tasks.add(() -> {
                    start.await();
                    return store.insertIfAbsent(record("user-1", "key-1", T0, T0.plus(Duration.ofDays(1))));
                });
            }
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            int owners = 0;
            for (var future : futures) {
                owners += future.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(owners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.insertIfAbsent(record("user-2", "key-1", T0, T0.plusSeconds(60))))
                .as("the same key of another user")
                .isPresent();
        assertThat(store.find("user-1", "key-1")).get().satisfies(found -> {
            assertThat(found.fingerprint()).isEqualTo("fingerprint-key-1");
            assertThat(found.leaseUntil()).isEqualTo(T0);
            assertThat(found.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
            assertThat(found.completed()).isFalse();
        });
        assertThat(store.find("user-1", "other")).isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenOverOnceAndACompletedKeyNever() {
        var owned = store.insertIfAbsent(record("user-1", "key-1", T0, T0.plusSeconds(3600)))
                .orElseThrow();

        var taken = store.takeOver(owned, T0.plusSeconds(30));
        assertThat(taken).get().extracting(IdempotencyRecord::leaseUntil).isEqualTo(T0.plusSeconds(30));
        assertThat(store.takeOver(owned, T0.plusSeconds(31)))
                .as("taken over already")
                .isEmpty();

        store.complete(taken.orElseThrow(), new StoredResponse(201, "application/json", "{\"id\":1}", "/orders/1"));
        assertThat(store.takeOver(taken.orElseThrow(), T0.plusSeconds(60)))
                .as("completed")
                .isEmpty();
        assertThat(store.find("user-1", "key-1")).get().satisfies(found -> {
            assertThat(found.completed()).isTrue();
            assertThat(found.response())
                    .isEqualTo(new StoredResponse(201, "application/json", "{\"id\":1}", "/orders/1"));
        });
    }

    @Test
    void aReleasedKeyCanBeTakenOverAtOnceAndADeletedOneReused() {
        var owned = store.insertIfAbsent(record("user-1", "key-1", T0.plusSeconds(30), T0.plusSeconds(3600)))
                .orElseThrow();

        store.releaseLease(owned, T0.plusSeconds(5));
        var released = store.find("user-1", "key-1").orElseThrow();
        assertThat(released.leaseUntil()).isEqualTo(T0.plusSeconds(5));
        assertThat(store.takeOver(released, T0.plusSeconds(40))).isPresent();

        store.delete(released);
        assertThat(store.find("user-1", "key-1")).isEmpty();
        assertThat(store.insertIfAbsent(record("user-1", "key-1", T0, T0.plusSeconds(60))))
                .isPresent();
    }

    @Test
    void aBatchOfOutcomesCompletesTheFinalOnesAndReleasesTheOthersAndTouchesNoOtherKey() {
        var completed = store.insertIfAbsent(record("user-1", "done", T0.plusSeconds(30), T0.plusSeconds(3600)))
                .orElseThrow();
        var released = store.insertIfAbsent(record("user-1", "accepted", T0.plusSeconds(30), T0.plusSeconds(3600)))
                .orElseThrow();
        var untouched = store.insertIfAbsent(record("user-2", "done", T0.plusSeconds(30), T0.plusSeconds(3600)))
                .orElseThrow();
        var created = new StoredResponse(200, "application/json", "{\"id\":1}", null);
        var accepted = new StoredResponse(202, "application/json", "{\"id\":2}", "/orders/2");

        store.storeAll(List.of(
                new IdempotencyStore.Outcome(completed, created, T0.plusSeconds(5)),
                new IdempotencyStore.Outcome(released, accepted, T0.plusSeconds(5))));

        assertThat(store.find("user-1", "done")).get().satisfies(found -> {
            assertThat(found.completed()).isTrue();
            assertThat(found.response()).isEqualTo(created);
        });
        assertThat(store.find("user-1", "accepted")).get().satisfies(found -> {
            assertThat(found.completed()).isFalse();
            assertThat(found.leaseUntil()).isEqualTo(T0.plusSeconds(5));
        });
        assertThat(store.find("user-2", "done")).get().isEqualTo(untouched);
    }

    @Test
    void theCleanUpRemovesExactlyTheExpiredKeys() {
        store.insertIfAbsent(record("user-1", "old", T0, T0.plusSeconds(10)));
        store.insertIfAbsent(record("user-1", "due", T0, T0.plusSeconds(20)));
        store.insertIfAbsent(record("user-1", "fresh", T0, T0.plusSeconds(30)));

        assertThat(store.deleteExpired(T0.plusSeconds(20))).isEqualTo(2);

        assertThat(store.find("user-1", "old")).isEmpty();
        assertThat(store.find("user-1", "due")).isEmpty();
        assertThat(store.find("user-1", "fresh")).isPresent();
    }

    @Test
    void theCleanUpDeletesPageByPageUntilNoExpiredKeyIsLeft() {
        var paged = new MongoIdempotencyStore(template, 2);
        for (int i = 0; i < 5; i++) {
            paged.insertIfAbsent(record("user-" + i, "old-" + i, T0, T0.plusSeconds(10 + i)));
        }
        paged.insertIfAbsent(record("user-1", "fresh", T0, T0.plusSeconds(60)));

        assertThat(paged.deleteExpired(T0.plusSeconds(30)))
                .as("three pages: 2, 2 and 1")
                .isEqualTo(5);

        assertThat(template.count(new Query(), MongoIdempotencyStore.COLLECTION))
                .isEqualTo(1);
        assertThat(paged.find("user-1", "fresh")).isPresent();
        assertThat(paged.deleteExpired(T0.plusSeconds(30))).isZero();
    }

    @Test
    void declaresTheTtlIndexThatExpiresKeysOnMongoDb() {
        // mongo-java-server lists it too but never removes anything: hence theCleanUpRemovesExactlyTheExpiredKeys.
        // MongoDB's TTL monitor runs once a minute, too slow to wait for here.
        assertThat(ttlIndex()).get().satisfies(index -> {
            assertThat(index.getIndexFields())
                    .singleElement()
                    .satisfies(field -> assertThat(field.getKey()).isEqualTo("expires_at"));
            assertThat(index.getExpireAfter()).contains(Duration.ZERO);
        });
    }

    Optional<IndexInfo> ttlIndex() {
        return template.indexOps(MongoIdempotencyStore.COLLECTION).getIndexInfo().stream()
                .filter(index -> index.getName().equals("expires_at_ttl"))
                .findFirst();
    }
}
