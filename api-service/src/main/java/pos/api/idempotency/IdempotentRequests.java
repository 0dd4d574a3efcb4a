package pos.api.idempotency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pos.api.readmodel.WriteBatcher;
import pos.api.web.ApiException;
import pos.api.web.FieldError;

/**
 * Runs a request at most once per (user, Idempotency-Key) and replays its first final outcome. The same key with a
 * different request is refused (422); a duplicate that arrives while the first is still running waits for it and
 * then replays it (409 if that takes too long); a first request whose instance died is taken over when its lease
 * runs out, with the same resource and command ids, so nothing is created twice.
 * <p>
 * The outcome is stored after the answer is on its way, not before: a request with a key then costs one MongoDB
 * round trip of its own (the claim), not two. Claims and outcomes are each written in batches by one writer
 * ({@link WriteBatcher}), so under load one insert claims the keys of many requests and one update stores many
 * outcomes; a request still waits for its own claim before it runs. A duplicate that arrives in between finds the
 * key still running and waits for the stored outcome, as it would for a slow first request; an instance that dies
 * in between leaves the key to be taken over when its lease runs out, like one that died while working.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final Duration POLL = Duration.ofMillis(25);
    /** Outcomes waiting for the writer at most; past it the request's thread stores its own. */
    static final int OUTCOMES_QUEUED = 10_000;

    static final int OUTCOMES_PER_WRITE = 256;
    /** Claims waiting for the writer at most; past it the request's thread inserts its own. */
    static final int CLAIMS_QUEUED = 1_000;

    static final int CLAIMS_PER_WRITE = 128;

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final Clock clock;
    private final Counter replays;
    private final Consumer<IdempotencyStore.Outcome> outcomes;
    private final WriteBatcher<IdempotencyStore.Outcome, Boolean> outcomeWriter;
    private final Function<IdempotencyRecord, Optional<IdempotencyRecord>> claims;
    private final WriteBatcher<IdempotencyRecord, Optional<IdempotencyRecord>> claimWriter;

    @Autowired
    public IdempotentRequests(
            IdempotencyStore store, IdempotencyProperties properties, Clock clock, MeterRegistry meters) {
        this.outcomeWriter = new WriteBatcher<>(
                "idempotency-outcomes",
                OUTCOMES_QUEUED,
                OUTCOMES_PER_WRITE,
                batch -> {
                    store.storeAll(batch);
                    return batch.stream().map(outcome -> true).toList();
                },
                Runnable::run,
                meters);
        // past the bound the request's own thread stores its outcome, so a slow MongoDB never grows the queue; a
        // failure is logged by the writer, and a retry takes the key over once its lease runs out
        this.outcomes = outcomeWriter::submit;
        // a claim's insert was the costliest part of a keyed placement on the request's thread (46 % of its CPU
        // samples), one MongoDB command per request; in one insert per batch, requests arriving together share it
        this.claimWriter = new WriteBatcher<>(
                "idempotency-claims", CLAIMS_QUEUED, CLAIMS_PER_WRITE, store::insertAllIfAbsent, Runnable::run, meters);
        this.claims = record -> awaitClaim(claimWriter.submit(record));
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.replays = replayCounter(meters);
    }

    /** With outcomes stored as {@code outcomes} says: tests store them on the request's thread. */
    IdempotentRequests(
            IdempotencyStore store,
            IdempotencyProperties properties,
            Clock clock,
            MeterRegistry meters,
            Consumer<IdempotencyStore.Outcome> outcomes) {
        this.outcomeWriter = null;
        this.outcomes = outcomes;
        this.claimWriter = null;
        this.claims = store::insertIfAbsent;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.replays = replayCounter(meters);
    }

    private static Counter replayCounter(MeterRegistry meters) {
        return Counter.builder("pos.idempotency.replays")
                .description("Requests answered from a stored response because their Idempotency-Key was seen")
                .register(meters);
    }

    /**
     * The ids a request creates: fresh without a key, fixed by the stored key otherwise.
     *
     * @param retry true when an earlier request with this key ran and did not leave a final answer (it answered
     *              202, or its instance died): what it created may exist already and must be answered as it is
     */
    public record Claim(String resourceId, String commandId, boolean retry) {

        static Claim fresh() {
            return new Claim(new ObjectId().toHexString(), UUID.randomUUID().toString(), false);
        }
    }

    /** What the caller sends back: the response and whether it is a replay. */
    public record Result(StoredResponse response, boolean replayed) {}

    /** The id of what a user's request with this key created (an order id), while the key is kept. */
    public Optional<String> resourceOf(String userId, String key) {
        return store.find(userId, key)
                .filter(r -> !r.isExpired(clock.instant()))
                .map(IdempotencyRecord::resourceId);
    }

    /**
     * Blank keys count as absent, as in the original service. A key is an RFC 8941 string (printable ASCII, as
     * the Idempotency-Key draft says): control characters or other bytes are refused before anything is stored.
     */
    public static Optional<String> normalise(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest("Idempotency-Key must be at most " + MAX_KEY_LENGTH + " characters")
                    .with("errors", List.of(new FieldError(HEADER, "at most " + MAX_KEY_LENGTH + " characters")));
        }
        if (!key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw ApiException.badRequest("Idempotency-Key must be printable ASCII")
                    .with("errors", List.of(new FieldError(HEADER, "printable ASCII characters only")));
        }
        return Optional.of(key);
    }

    /**
     * @param fingerprint a hash of everything that makes the request what it is (see {@link RequestFingerprint})
     * @param work        does the request once; ApiExceptions it throws with a 4xx are final outcomes too
     */
    public Result run(
            String userId,
            Optional<String> key,
            String fingerprint,
            Function<Claim, StoredResponse> work,
            Function<ApiException, StoredResponse> renderProblem) {
        try {
            return runAsync(
                            userId,
                            key,
                            fingerprint,
                            claim -> CompletableFuture.completedFuture(work.apply(claim)),
                            renderProblem)
                    .join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Like {@link #run} for work that finishes later: claiming the key (or replaying it) happens now, on the
     * caller's thread; storing the outcome when the work's future completes. Refusals before the work starts
     * (422, 409) are thrown, not returned in the future.
     */
    public CompletableFuture<Result> runAsync(
            String userId,
            Optional<String> key,
            String fingerprint,
            Function<Claim, CompletableFuture<StoredResponse>> work,
            Function<ApiException, StoredResponse> renderProblem) {
        if (key.isEmpty()) {
            return start(work, Claim.fresh()).thenApply(response -> new Result(response, false));
        }
        var deadline = clock.instant().plus(properties.inFlightWait());
        while (true) {
            var now = clock.instant();
            var fresh = new IdempotencyRecord(
                    new ObjectId().toHexString(),
                    userId,
                    key.get(),
                    fingerprint,
                    false,
                    new ObjectId().toHexString(),
                    UUID.randomUUID().toString(),
                    now.plus(properties.lease()),
                    null,
                    now,
                    now.plus(properties.retention()));
            var owned = claims.apply(fresh);
            if (owned.isPresent()) {
                return execute(owned.get(), work, renderProblem, false);
            }
            var existing = store.find(userId, key.get());
            if (existing.isEmpty()) {
                continue; // deleted between our insert and read: try again
            }
            var record = existing.get();
            if (record.isExpired(now)) {
                store.delete(record);
                continue;
            }
            if (!record.fingerprint().equals(fingerprint)) {
                throw ApiException.unprocessable("Idempotency-Key was already used with a different request");
            }
            if (record.completed()) {
                replays.increment();
                return CompletableFuture.completedFuture(new Result(record.response(), true));
            }
            if (record.isLeaseExpired(now)) {
                var taken = store.takeOver(record, now.plus(properties.lease()));
                if (taken.isPresent()) {
                    log.info("Taking over Idempotency-Key of user {} whose first request did not finish", userId);
                    return execute(taken.get(), work, renderProblem, true);
                }
                continue;
            }
            if (now.isAfter(deadline)) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "A request with this Idempotency-Key is still being processed; retry later");
            }
            pause();
        }
    }

    /** The claim's result on the request's thread, with the write's own exception if it failed. */
    private static Optional<IdempotencyRecord> awaitClaim(CompletableFuture<Optional<IdempotencyRecord>> claim) {
        try {
            return claim.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The work's future, also when the work throws before returning one. */
    private static CompletableFuture<StoredResponse> start(
            Function<Claim, CompletableFuture<StoredResponse>> work, Claim claim) {
        try {
            return work.apply(claim);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Result> execute(
            IdempotencyRecord record,
            Function<Claim, CompletableFuture<StoredResponse>> work,
            Function<ApiException, StoredResponse> renderProblem,
            boolean retry) {
        return start(work, new Claim(record.resourceId(), record.commandId(), retry))
                .handle((response, failure) -> {
                    if (failure != null) {
                        var cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        if (!(cause instanceof ApiException e) || !e.status().is4xxClientError()) {
                            store.releaseLease(record, clock.instant());
                            throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
                        }
                        response = renderProblem.apply(e);
                    }
                    outcomes.accept(new IdempotencyStore.Outcome(record, response, clock.instant()));
                    return new Result(response, false);
                });
    }

    @PreDestroy
    void stopWriters() {
        if (claimWriter != null) {
            claimWriter.close();
        }
        if (outcomeWriter != null) {
            outcomeWriter.close();
        }
    }

    @Scheduled(fixedDelayString = "${pos.idempotency.cleanup-period:10m}")
    void deleteExpired() {
        long deleted = store.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} expired Idempotency-Keys", deleted);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted");
        }
    }
}
