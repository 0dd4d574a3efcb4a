package pos.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tills reading their orders back: each arrival is a cashier's authenticated {@code GET /orders/{id}} of an order
 * that cashier placed before the run (one per store and product, placed at set-up, not measured). What it costs is
 * the API's request path for a read: token, access check, one read-model lookup, JSON.
 */
final class ReadWorkload implements Workload {

    private record Owned(String token, String orderId) {}

    private final PosApi api;
    private final List<Owned> orders;
    private final OperationStats read = new OperationStats("order.read");

    ReadWorkload(PosApi api, Fixture fixture) {
        this.api = api;
        this.orders = placeOrders(api, fixture);
    }

    /** Orders placed at once at set-up: well under the API's commands in flight (256 by default). */
    static final int SETUP_IN_FLIGHT = 32;

    static final int SETUP_ATTEMPTS = 50;

    private static List<Owned> placeOrders(PosApi api, Fixture fixture) {
        var gate = new Semaphore(SETUP_IN_FLIGHT);
        var placed = new ArrayList<CompletableFuture<Owned>>();
        for (var cashier : fixture.cashiers()) {
            for (var product : fixture.productIds()
                    .subList(0, Math.min(10, fixture.productIds().size()))) {
                var body = Map.<String, Object>of(
                        "store_id", cashier.storeId(), "items", List.of(Map.of("product_id", product, "qty", "1")));
                gate.acquireUninterruptibly();
                var order = place(api, cashier.token(), body, UUID.randomUUID().toString(), SETUP_ATTEMPTS);
                order.whenComplete((owned, error) -> gate.release());
                placed.add(order);
            }
        }
        return placed.stream().map(CompletableFuture::join).toList();
    }

    /**
     * As a till does: a 202 (no decision within the API's wait) or a 503 (the processors are behind) is sent again
     * with the same Idempotency-Key after a pause, so set-up survives a system still warming up.
     */
    private static CompletableFuture<Owned> place(
            PosApi api, String token, Map<String, Object> body, String key, int attemptsLeft) {
        return api.post("/orders/", token, body, Map.of("Idempotency-Key", key)).thenCompose(reply -> {
            if (reply.status() == 200) {
                return CompletableFuture.completedFuture(
                        new Owned(token, reply.json().path("order").path("id").asString()));
            }
            if ((reply.status() == 202 || reply.status() == 503) && attemptsLeft > 1) {
                return CompletableFuture.supplyAsync(
                                () -> null, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> place(api, token, body, key, attemptsLeft - 1));
            }
            throw new IllegalStateException(
                    "placing an order to read back answered " + reply.status() + ": " + reply.body());
        });
    }

    @Override
    public List<OperationStats> operations() {
        return List.of(read);
    }

    @Override
    public CompletableFuture<?> fire(long index, long intendedNanos, boolean measured) {
        var order = orders.get((int) (index % orders.size()));
        return api.get("/orders/" + order.orderId(), order.token())
                .handle((reply, error) -> Workload.record(
                        read,
                        measured,
                        intendedNanos,
                        reply,
                        error,
                        error == null && reply.status() == 200 ? "200" : null));
    }
}
