package pos.loadgen;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** The smoke test's order and stock calls, each waiting out an undecided (202) answer as a till would. */
final class SmokeOrders {

    private final PosApi api;
    private final Duration timeout;
    private final String store;
    private final String product;

    SmokeOrders(PosApi api, Duration timeout, String store, String product) {
        this.api = api;
        this.timeout = timeout;
        this.store = store;
        this.product = product;
    }

    /** Places the order (retrying a 202 with the same key) and returns its id once it is created. */
    String place(String token, String key, BigDecimal qty, BigDecimal expectedTotal) {
        var reply = SmokeChecks.expect(
                SmokeChecks.retryWhile(placement(token, key, qty), r -> r.status() == 202, timeout), 200);
        var order = reply.json().path("order");
        SmokeChecks.check(status(order).equals("created"), "expected status created in " + SmokeChecks.show(reply));
        SmokeChecks.decimal(order, "total", expectedTotal, reply);
        return SmokeChecks.text(order, "id", reply);
    }

    void replay(String token, String key, BigDecimal qty, String orderId) {
        var reply = SmokeChecks.expect(placement(token, key, qty).get(), 200);
        SmokeChecks.check(
                reply.header("Idempotent-Replayed", "true"),
                "no 'Idempotent-Replayed: true' header; headers "
                        + reply.headers().map());
        var replayedId = reply.json().path("order").path("id").asString("");
        SmokeChecks.check(orderId.equals(replayedId), "replay answered order '" + replayedId + "', not " + orderId);
    }

    /** A 200 must carry the new status; a 202 (undecided in time) must reach it on GET /orders/{id}. */
    void changeStatus(String token, String orderId, String status) {
        var reply = PosApi.await(api.patch("/orders/" + orderId + "/status", token, Map.of("status", status)));
        if (reply.status() == 202) {
            expectStatus(token, orderId, status);
            return;
        }
        SmokeChecks.expect(reply, 200);
        SmokeChecks.check(
                status(reply.json().path("order")).equals(status),
                "expected status " + status + " in " + SmokeChecks.show(reply));
    }

    void expectStatus(String token, String orderId, String status) {
        var reply = SmokeChecks.eventually(
                () -> PosApi.await(api.get("/orders/" + orderId, token)),
                r -> r.status() == 200 && status(r.json()).equals(status),
                timeout);
        SmokeChecks.check(
                reply.status() == 200 && status(reply.json()).equals(status),
                "expected status " + status + " within " + timeout.toSeconds() + " s; last GET answered "
                        + SmokeChecks.show(reply));
    }

    /** The read model is eventually consistent: waits for on hand = {@code onHand}, reserved = 0. */
    void expectStock(String token, BigDecimal onHand) {
        var reply = SmokeChecks.eventually(
                () -> PosApi.await(api.get("/stores/" + store + "/inventory/" + product, token)),
                r -> r.status() == 200 && stockIs(r.json(), onHand),
                timeout);
        SmokeChecks.check(
                reply.status() == 200 && stockIs(reply.json(), onHand),
                "expected qty " + onHand
                        + " and reserved_qty 0 within " + timeout.toSeconds() + " s; last GET answered "
                        + SmokeChecks.show(reply));
    }

    private Supplier<PosApi.Reply> placement(String token, String key, BigDecimal qty) {
        return () -> PosApi.await(api.post(
                "/orders/",
                token,
                Map.of("store_id", store, "items", List.of(Map.of("product_id", product, "qty", qty.toPlainString()))),
                Map.of("Idempotency-Key", key)));
    }

    private static boolean stockIs(JsonNode item, BigDecimal onHand) {
        return equal(item.path("qty"), onHand) && equal(item.path("reserved_qty"), BigDecimal.ZERO);
    }

    private static boolean equal(JsonNode value, BigDecimal expected) {
        return !value.isMissingNode() && !value.isNull() && expected.compareTo(new BigDecimal(value.asString())) == 0;
    }

    private static String status(JsonNode order) {
        return order.path("status").asString("");
    }
}
