package pos.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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

    private static List<Owned> placeOrders(PosApi api, Fixture fixture) {
        var placed = new ArrayList<CompletableFuture<Owned>>();
        for (var cashier : fixture.cashiers()) {
            for (var product : fixture.productIds()
                    .subList(0, Math.min(10, fixture.productIds().size()))) {
                var body = Map.<String, Object>of(
                        "store_id", cashier.storeId(), "items", List.of(Map.of("product_id", product, "qty", "1")));
                placed.add(api.post("/orders/", cashier.token(), body, Map.of()).thenApply(reply -> {
                    if (reply.status() != 200) {
                        throw new IllegalStateException(
                                "placing an order to read back answered " + reply.status() + ": " + reply.body());
                    }
                    return new Owned(
                            cashier.token(),
                            reply.json().path("order").path("id").asString());
                }));
            }
        }
        return placed.stream().map(CompletableFuture::join).toList();
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
