package pos.loadgen;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Stock adjustments through inventory-processor: {@code POST /stores/{id}/inventory/adjust} answers once the
 * processor has decided, so its latency (from the intended send time) is the command round trip. Adjustments go
 * round-robin over every (store, product) pair, +1 then -1, so stock stays where setup put it. For a sampled
 * fraction the generator then polls {@code GET /stores/{id}/inventory/{product}} until the read model shows the
 * item's version from the answer: the read-model lag, measured from the moment the answer arrived (it includes one
 * GET round trip, and the poll interval bounds its resolution).
 */
final class StockWorkload implements Workload {

    private static final long VISIBILITY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final PosApi api;
    private final Fixture fixture;
    private final BenchmarkOptions options;
    private final String keyPrefix;
    private final Random random;
    private final Executor pollDelay;
    private final OperationStats adjust = new OperationStats("stock.adjust");
    private final OperationStats readLag = new OperationStats("stock.read-model-lag");

    StockWorkload(PosApi api, Fixture fixture, BenchmarkOptions options, String runId) {
        this.api = api;
        this.fixture = fixture;
        this.options = options;
        this.keyPrefix = fixture.keyPrefix(runId, "adjust");
        this.random = options.randomFor(runId);
        this.pollDelay =
                CompletableFuture.delayedExecutor(options.lagPollInterval().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public List<OperationStats> operations() {
        return List.of(adjust, readLag);
    }

    @Override
    public CompletableFuture<?> fire(long index, long intendedNanos, boolean measured) {
        int pairs = fixture.storeIds().size() * fixture.productIds().size();
        int pair = (int) (index % pairs);
        var store = fixture.storeIds().get(pair / fixture.productIds().size());
        var product = fixture.productIds().get(pair % fixture.productIds().size());
        var delta = (index / pairs) % 2 == 0 ? "1" : "-1";
        boolean sampled = random.nextDouble() < options.lagSampleFraction();
        return api.post(
                        "/stores/" + store + "/inventory/adjust",
                        fixture.adminToken(),
                        Map.of("product_id", product, "delta", delta, "reason", "benchmark"),
                        Map.of("Idempotency-Key", keyPrefix + index))
                .handle((reply, error) -> {
                    boolean ok = Workload.record(
                            adjust,
                            measured,
                            intendedNanos,
                            reply,
                            error,
                            error == null && reply.status() == 200 ? "200 adjusted" : null);
                    return ok ? reply.json().path("item").path("version").asLong(-1) : -1L;
                })
                .thenCompose(version -> sampled && measured && version > 0
                        ? awaitVisible(store, product, version, System.nanoTime())
                        : Workload.done(null));
    }

    private CompletableFuture<Void> awaitVisible(String store, String product, long version, long decidedNanos) {
        return api.get("/stores/" + store + "/inventory/" + product, fixture.adminToken())
                .handle((reply, error) -> {
                    if (error != null || reply.status() != 200) {
                        Workload.record(readLag, true, decidedNanos, reply, error, null);
                        return false;
                    }
                    if (reply.json().path("version").asLong(0) >= version) {
                        readLag.success("visible", System.nanoTime() - decidedNanos);
                        return false;
                    }
                    if (System.nanoTime() - decidedNanos > VISIBILITY_TIMEOUT_NANOS) {
                        readLag.failure("not visible within 30 s");
                        return false;
                    }
                    return true;
                })
                .thenCompose(again -> again
                        ? CompletableFuture.runAsync(() -> {}, pollDelay)
                                .thenCompose(ignored -> awaitVisible(store, product, version, decidedNanos))
                        : Workload.done(null));
    }
}
