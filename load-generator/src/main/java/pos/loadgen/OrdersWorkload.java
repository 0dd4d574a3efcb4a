package pos.loadgen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Tills placing orders: each arrival is a cashier's {@code POST /orders/} with an Idempotency-Key (1..max lines,
 * quantities 1 or 2, from a store picked at random). Its latency runs from the intended send time to the decision
 * (200 created or 400 rejected; a 202 means the decision did not come within the API's wait and counts as a
 * timeout). Then, as tills do: a fraction is sent again with the same key (a lost answer; the API must replay it),
 * and a fraction of the created orders is moved confirmed → preparing → ready → completed or cancelled, each
 * change measured from its own send. The plan of each arrival is drawn from a seeded random on the scheduling
 * thread, so a run is repeatable.
 */
final class OrdersWorkload implements Workload {

    private static final List<String> ADVANCE = List.of("confirmed", "preparing", "ready", "completed");
    private static final List<String> CANCEL = List.of("cancelled");

    private final PosApi api;
    private final Fixture fixture;
    private final BenchmarkOptions options;
    private final String keyPrefix;
    private final Random random;
    private final OperationStats place = new OperationStats("order.place");
    private final OperationStats replay = new OperationStats("order.replay");
    private final OperationStats status = new OperationStats("order.status");

    OrdersWorkload(PosApi api, Fixture fixture, BenchmarkOptions options, String runId) {
        this.api = api;
        this.fixture = fixture;
        this.options = options;
        this.keyPrefix = fixture.keyPrefix(runId, "order");
        this.random = options.randomFor(runId);
    }

    @Override
    public List<OperationStats> operations() {
        return List.of(place, replay, status);
    }

    private record Plan(String token, Map<String, Object> body, String key, boolean retry, List<String> statuses) {}

    private Plan plan(long index) {
        var cashier = fixture.cashiers().get(random.nextInt(fixture.cashiers().size()));
        var token = cashier.token();
        var store = cashier.storeId();
        int lineCount = 1
                + random.nextInt(Math.min(
                        options.maxLinesPerOrder(), fixture.productIds().size()));
        var products = new HashSet<String>();
        var items = new ArrayList<Map<String, Object>>();
        while (items.size() < lineCount) {
            var product =
                    fixture.productIds().get(random.nextInt(fixture.productIds().size()));
            if (products.add(product)) {
                items.add(Map.of("product_id", product, "qty", Integer.toString(1 + random.nextInt(2))));
            }
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("store_id", store);
        body.put("items", items);
        boolean retry = random.nextDouble() < options.retryFraction();
        double path = random.nextDouble();
        var statuses = path < options.advanceFraction()
                ? ADVANCE
                : path < options.advanceFraction() + options.cancelFraction() ? CANCEL : List.<String>of();
        return new Plan(token, body, keyPrefix + index, retry, statuses);
    }

    @Override
    public CompletableFuture<?> fire(long index, long intendedNanos, boolean measured) {
        var plan = plan(index);
        return api.post("/orders/", plan.token(), plan.body(), Map.of("Idempotency-Key", plan.key()))
                .handle((reply, error) -> placed(reply, error, intendedNanos, measured))
                .thenCompose(decision -> plan.retry() && decision != null
                        ? replay(plan, decision, measured).thenApply(ignored -> decision)
                        : Workload.done(decision))
                .thenCompose(decision -> decision != null && decision.orderId() != null
                        ? changeStatuses(plan.token(), decision.orderId(), plan.statuses(), 0, measured)
                        : Workload.done(null));
    }

    /** The decision: its status, and the order id when the order was created (null when it was rejected). */
    private record Decision(int status, String orderId) {}

    private Decision placed(PosApi.Reply reply, Throwable error, long intendedNanos, boolean measured) {
        String outcome = null;
        String orderId = null;
        if (error == null && reply.status() == 200) {
            outcome = "200 created";
            orderId = reply.json().path("order").path("id").asString(null);
        } else if (error == null
                && reply.status() == 400
                && reply.json().path("shortages").isArray()) {
            outcome = "400 rejected";
        }
        if (error == null && reply.status() == 400 && outcome == null && measured) {
            // a 400 without shortages is a refused request, not a stock decision: the generator sent bad data
            place.failure(
                    "HTTP 400 (invalid request: " + reply.json().path("detail").asString("?") + ")");
            return null;
        }
        return Workload.record(place, measured, intendedNanos, reply, error, outcome)
                ? new Decision(reply.status(), orderId)
                : null;
    }

    private CompletableFuture<Void> replay(Plan plan, Decision first, boolean measured) {
        long sent = System.nanoTime();
        return api.post("/orders/", plan.token(), plan.body(), Map.of("Idempotency-Key", plan.key()))
                .handle((reply, error) -> {
                    if (error == null
                            && reply.status() == first.status()
                            && !reply.header("Idempotent-Replayed", "true")) {
                        if (measured) {
                            replay.failure("HTTP " + reply.status() + " not marked Idempotent-Replayed");
                        }
                        return null;
                    }
                    String outcome =
                            error == null && reply.status() == first.status() ? "replayed " + reply.status() : null;
                    Workload.record(replay, measured, sent, reply, error, outcome);
                    return null;
                });
    }

    private CompletableFuture<Void> changeStatuses(
            String token, String orderId, List<String> statuses, int next, boolean measured) {
        if (next >= statuses.size()) {
            return Workload.done(null);
        }
        var target = statuses.get(next);
        long sent = System.nanoTime();
        return api.patch("/orders/" + orderId + "/status", token, Map.of("status", target))
                .handle((reply, error) -> Workload.record(
                        status,
                        measured,
                        sent,
                        reply,
                        error,
                        error == null && reply.status() == 200 ? "200 " + target : null))
                .thenCompose(
                        ok -> ok ? changeStatuses(token, orderId, statuses, next + 1, measured) : Workload.done(null));
    }
}
