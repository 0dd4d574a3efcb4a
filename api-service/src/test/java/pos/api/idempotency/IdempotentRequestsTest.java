package pos.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import pos.api.web.ApiException;
import pos.testing.MutableClock;

class IdempotentRequestsTest {

    static final Optional<String> KEY = Optional.of("till-1");

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final IdempotencyProperties properties = new IdempotencyProperties(
            Duration.ofHours(72), Duration.ofSeconds(15), Duration.ofSeconds(2), Duration.ofMinutes(10));
    final IdempotentRequests requests =
            new IdempotentRequests(store, properties, clock, meters, outcome -> store.storeAll(List.of(outcome)));
    final List<IdempotentRequests.Claim> claims = new ArrayList<>();
    final AtomicInteger runs = new AtomicInteger();

    Function<IdempotentRequests.Claim, StoredResponse> answering(int status) {
        return claim -> {
            runs.incrementAndGet();
            claims.add(claim);
            return new StoredResponse(status, "application/json", "{\"n\":" + runs.get() + "}", null);
        };
    }

    static StoredResponse render(ApiException e) {
        return new StoredResponse(e.status().value(), "application/problem+json", e.getMessage(), null);
    }

    @Test
    void withoutAKeyEveryRequestRunsWithFreshIds() {
        requests.run("u1", Optional.empty(), "f", answering(200), IdempotentRequestsTest::render);
        requests.run("u1", Optional.empty(), "f", answering(200), IdempotentRequestsTest::render);

        assertThat(runs).hasValue(2);
        assertThat(claims.get(0).resourceId()).isNotEqualTo(claims.get(1).resourceId());
        assertThat(store.records).isEmpty();
    }

    @Test
    void replaysTheFirstFinalResponseWithoutRunningAgain() {
        var first = requests.run("u1", KEY, "f", answering(200), IdempotentRequestsTest::render);
        var second = requests.run("u1", KEY, "f", answering(200), IdempotentRequestsTest::render);

        assertThat(runs).hasValue(1);
        assertThat(first.replayed()).isFalse();
        assertThat(second.replayed()).isTrue();
        assertThat(second.response()).isEqualTo(first.response());
        assertThat(meters.counter("pos.idempotency.replays").count()).isEqualTo(1.0);
    }

    @Test
    void keysAreScopedToTheUser() {
        requests.run("u1", KEY, "f", answering(200), IdempotentRequestsTest::render);
        var other = requests.run("u2", KEY, "f", answering(200), IdempotentRequestsTest::render);

        assertThat(runs).hasValue(2);
        assertThat(other.replayed()).isFalse();
    }

    @Test
    void refusesTheSameKeyWithAnotherRequest() {
        requests.run("u1", KEY, "f", answering(200), IdempotentRequestsTest::render);

        assertThatThrownBy(() -> requests.run("u1", KEY, "other", answering(200), IdempotentRequestsTest::render))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(422));
        assertThat(runs).hasValue(1);
    }

    @Test
    void clientErrorsAreFinalAndReplayed() {
        Function<IdempotentRequests.Claim, StoredResponse> refusing = claim -> {
            runs.incrementAndGet();
            throw ApiException.badRequest("Insufficient stock");
        };
        var first = requests.run("u1", KEY, "f", refusing, IdempotentRequestsTest::render);
        var replay = requests.run("u1", KEY, "f", refusing, IdempotentRequestsTest::render);

        assertThat(first.response().status()).isEqualTo(400);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.response().body()).isEqualTo("Insufficient stock");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aServerErrorLetsTheRetryRunAgainWithTheSameIds() {
        Function<IdempotentRequests.Claim, StoredResponse> failing = claim -> {
            claims.add(claim);
            throw new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "broker down");
        };
        assertThatThrownBy(() -> requests.run("u1", KEY, "f", failing, IdempotentRequestsTest::render))
                .isInstanceOf(ApiException.class);
        clock.advance(Duration.ofMillis(1));

        requests.run("u1", KEY, "f", answering(200), IdempotentRequestsTest::render);

        assertThat(claims).hasSize(2);
        assertSameIdsAndTheRetryKnowsItIsOne(claims.get(0), claims.get(1));
    }

    @Test
    void anAcceptedButUndecidedResponseIsNotFinal() {
        requests.run("u1", KEY, "f", answering(202), IdempotentRequestsTest::render);
        clock.advance(Duration.ofMillis(1));
        var retry = requests.run("u1", KEY, "f", answering(200), IdempotentRequestsTest::render);

        assertThat(retry.replayed()).isFalse();
        assertThat(retry.response().status()).isEqualTo(200);
        assertSameIdsAndTheRetryKnowsItIsOne(claims.get(0), claims.get(1));
        assertThat(meters.counter("pos.idempotency.replays").count()).isZero();
    }

    @Test
    void requestsRacingWithOneKeyRunTheWorkOnceWhenClaimsAreWrittenInBatches() throws Exception {
        var batched = new IdempotentRequests(store, properties, clock, meters);
        var results = raceOnBatchedWriters(
                16, i -> batched.run("u1", KEY, "f", answering(200), IdempotentRequestsTest::render));
        batched.stopWriters();

        assertThat(runs).hasValue(1);
        assertThat(results).filteredOn(result -> !result.replayed()).hasSize(1);
        assertThat(results)
                .extracting(IdempotentRequests.Result::response)
                .containsOnly(results.get(0).response());
        assertThat(store.records).hasSize(1);
    }

    @Test
    void eachRequestOfABatchOfClaimsRunsWithItsOwnKeysIds() throws Exception {
        var batched = new IdempotentRequests(store, properties, clock, meters);
        var ran = new ConcurrentHashMap<String, IdempotentRequests.Claim>();
        var results = raceOnBatchedWriters(
                16,
                i -> batched.run(
                        "u1",
                        Optional.of("key-" + i),
                        "f",
                        claim -> {
                            ran.put("key-" + i, claim);
                            return new StoredResponse(200, "application/json", "{\"key\":" + i + "}", null);
                        },
                        IdempotentRequestsTest::render));
        batched.stopWriters();

        assertThat(results).noneMatch(IdempotentRequests.Result::replayed);
        assertThat(ran).hasSize(16);
        ran.forEach((key, claim) -> {
            var stored = store.find("u1", key).orElseThrow();
            assertThat(claim.resourceId()).isEqualTo(stored.resourceId());
            assertThat(claim.commandId()).isEqualTo(stored.commandId());
            assertThat(claim.retry()).isFalse();
        });
    }

    /** Runs the request on {@code threads} threads released together, and returns each one's result. */
    private static List<IdempotentRequests.Result> raceOnBatchedWriters(
            int threads, IntFunction<IdempotentRequests.Result> request) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<IdempotentRequests.Result>>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            var results = new ArrayList<IdempotentRequests.Result>();
            for (var future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void takesOverAKeyWhoseFirstRequestDiedAfterItsLease() {
        var fingerprint = "f";
        var now = clock.instant();
        store.insertIfAbsent(new IdempotencyRecord(
                "a".repeat(24),
                "u1",
                KEY.get(),
                fingerprint,
                false,
                "65b000000000000000000001",
                "cmd-1",
                now.plusSeconds(15),
                null,
                now,
                now.plusSeconds(3600)));
        clock.advance(Duration.ofSeconds(16));

        var result = requests.run("u1", KEY, fingerprint, answering(200), IdempotentRequestsTest::render);

        assertThat(result.response().status()).isEqualTo(200);
        assertThat(claims).containsExactly(new IdempotentRequests.Claim("65b000000000000000000001", "cmd-1", true));
    }

    @Test
    void aDuplicateOfARequestStillInFlightGets409AfterWaiting() {
        var now = clock.instant();
        store.insertIfAbsent(new IdempotencyRecord(
                "a".repeat(24),
                "u1",
                KEY.get(),
                "f",
                false,
                "65b000000000000000000001",
                "cmd-1",
                now.plusSeconds(15),
                null,
                now,
                now.plusSeconds(3600)));
        clock.tickOnRead(Duration.ofMillis(500));

        assertThatThrownBy(() -> requests.run("u1", KEY, "f", answering(200), IdempotentRequestsTest::render))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
        assertThat(runs).hasValue(0);
    }

    @Test
    void anExpiredKeyIsForgotten() {
        requests.run("u1", KEY, "f", answering(200), IdempotentRequestsTest::render);
        clock.advance(Duration.ofHours(73));

        var again = requests.run("u1", KEY, "other body", answering(200), IdempotentRequestsTest::render);

        assertThat(again.replayed()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void rejectsOverlongKeysAndTreatsBlankAsAbsent() {
        assertThat(IdempotentRequests.normalise("  ")).isEmpty();
        assertThat(IdempotentRequests.normalise("k".repeat(255))).isPresent();
        assertThatThrownBy(() -> IdempotentRequests.normalise("k".repeat(256)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }

    /** Found by the fuzz test: such keys were stored, so a refused request left a record behind. */
    @Test
    void rejectsKeysThatAreNotPrintableAscii() {
        assertThat(IdempotentRequests.normalise("till-7 0001 ~!")).contains("till-7 0001 ~!");
        for (String key : new String[] {"key\u0001", "tab\there", "del\u007f", "caf\u00e9", "\u00ff\u00fe"}) {
            assertThatThrownBy(() -> IdempotentRequests.normalise(key))
                    .as(key)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(400);
                        assertThat(e.getMessage()).isEqualTo("Idempotency-Key must be printable ASCII");
                    });
        }
    }

    private static void assertSameIdsAndTheRetryKnowsItIsOne(
            IdempotentRequests.Claim first, IdempotentRequests.Claim retry) {
        assertThat(retry.resourceId()).isEqualTo(first.resourceId());
        assertThat(retry.commandId()).isEqualTo(first.commandId());
        assertThat(first.retry()).isFalse();
        assertThat(retry.retry()).isTrue();
    }
}
