package pos.localstack.faults;

import static pos.testing.ApiClient.idempotencyKey;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import pos.localstack.faults.ClientLedger.Adjustment;
import pos.localstack.faults.ClientLedger.PlacedOrder;
import pos.schemas.value.OrderStatus;
import pos.testing.ApiClient;

/**
 * Tills working against the API while services crash: they place orders for scarce stock (each with an
 * Idempotency-Key, retried with the same key on errors, timeouts and 202s), move them along their lifecycle to
 * completion or cancellation, and adjust stock now and then. Each till works until the load ends, then finishes
 * what it started, retrying until the API gives a final answer or the settle time runs out.
 */
final class Workload {

    private static final List<OrderStatus> LIFECYCLE =
            List.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COMPLETED);

    private final ApiClient api;
    private final List<String> stores;
    private final List<String> products;
    private final ClientLedger ledger;

    Workload(ApiClient api, List<String> stores, List<String> products, ClientLedger ledger) {
        this.api = api;
        this.stores = List.copyOf(stores);
        this.products = List.copyOf(products);
        this.ledger = ledger;
    }

    /** Runs {@code tills} tills until {@code loadEnds}; returns once all have finished (or {@code giveUpAt}). */
    void run(int tills, long seed, Instant loadEnds, Instant giveUpAt) throws InterruptedException {
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < tills; i++) {
            var till = new Till(i, new Random(seed + i), loadEnds, giveUpAt);
            var thread = new Thread(till::work, "till-" + i);
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join(Math.max(1, Duration.between(Instant.now(), giveUpAt).toMillis() + 30_000));
            if (thread.isAlive()) {
                ledger.anomaly(thread.getName() + " did not finish");
                thread.interrupt();
            }
        }
    }

    /** Gives every (store, product) its first stock; retried until applied. */
    void stockUp(BigDecimal qty, Instant giveUpAt) {
        for (var store : stores) {
            for (var product : products) {
                new Till(-1, new Random(), Instant.MIN, giveUpAt)
                        .adjust("initial-" + store + "-" + product, store, product, qty);
            }
        }
    }

    private final class Till {

        private final int id;
        private final Random random;
        private final Instant loadEnds;
        private final Instant giveUpAt;
        private int operations;

        Till(int id, Random random, Instant loadEnds, Instant giveUpAt) {
            this.id = id;
            this.random = random;
            this.loadEnds = loadEnds;
            this.giveUpAt = giveUpAt;
        }

        void work() {
            while (Instant.now().isBefore(loadEnds) && !Thread.currentThread().isInterrupted()) {
                operations++;
                var store = stores.get(random.nextInt(stores.size()));
                if (random.nextInt(10) == 0) {
                    var delta = random.nextInt(4) == 0 ? -1 - random.nextInt(2) : 2 + random.nextInt(4);
                    adjust("adjust-" + id + "-" + operations, store, pick(products), BigDecimal.valueOf(delta));
                } else {
                    placeAndDrive(store);
                }
            }
        }

        void adjust(String key, String store, String product, BigDecimal delta) {
            var body = Map.of("product_id", product, "delta", delta.toPlainString(), "reason", "fault test");
            while (!gaveUp("adjustment " + key)) {
                var answer = api.attempt("POST", "/stores/" + store + "/inventory/adjust", body, idempotencyKey(key));
                int status = answer.map(ApiClient.Response::status).orElse(0);
                if (status == 200 || status == 400) {
                    ledger.adjusted(new Adjustment(key, store, product, delta, status == 200));
                    return;
                }
                // 202: the decision did not come in time; the same key picks the same command up again
                if (status != 202 && !expectRetryable(status, "adjust " + key, answer)) {
                    return;
                }
                backOff();
            }
        }

        private void placeAndDrive(String store) {
            var key = "order-" + id + "-" + operations;
            var lines = new LinkedHashMap<String, BigDecimal>();
            int lineCount = 1 + random.nextInt(2);
            while (lines.size() < lineCount) {
                lines.put(pick(products), BigDecimal.valueOf(1 + random.nextInt(3)));
            }
            var orderId = place(key, store, lines);
            if (orderId == null) {
                return;
            }
            int steps = random.nextInt(LIFECYCLE.size() + 1);
            boolean cancel = steps < LIFECYCLE.size() && random.nextInt(3) > 0;
            var targets = new ArrayList<>(LIFECYCLE.subList(0, steps));
            if (cancel) {
                targets.add(OrderStatus.CANCELLED);
            }
            for (var target : targets) {
                if (!changeStatus(orderId, target)) {
                    return;
                }
            }
        }

        /** The order id once it is created; null when rejected or never finally answered. */
        private String place(String key, String store, Map<String, BigDecimal> lines) {
            var items = lines.entrySet().stream()
                    .map(l ->
                            Map.of("product_id", l.getKey(), "qty", l.getValue().toPlainString()))
                    .toList();
            var body = Map.of("store_id", store, "items", items);
            while (!gaveUp("order " + key)) {
                var answer = api.attempt("POST", "/orders/", body, idempotencyKey(key));
                int status = answer.map(ApiClient.Response::status).orElse(0);
                if (status == 200 || status == 202) {
                    var orderId = answer.get().text("order", "id");
                    var said = status == 200 ? OrderStatus.CREATED : OrderStatus.PENDING;
                    ledger.placed(new PlacedOrder(key, orderId, store, lines, said));
                    if (status == 200) {
                        return orderId;
                    }
                } else if (status == 400 && answer.get().text("order_id") != null) {
                    ledger.placed(
                            new PlacedOrder(key, answer.get().text("order_id"), store, lines, OrderStatus.REJECTED));
                    return null;
                } else if (!expectRetryable(status, "order " + key, answer)) {
                    return null;
                }
                backOff();
            }
            return null;
        }

        private boolean changeStatus(String orderId, OrderStatus target) {
            var body = Map.of("status", target.wireName());
            while (!gaveUp("status " + target.wireName() + " of " + orderId)) {
                var answer = api.attempt("PATCH", "/orders/" + orderId + "/status", body, Map.of());
                int status = answer.map(ApiClient.Response::status).orElse(0);
                if (status == 200) {
                    ledger.statusConfirmed(orderId, target);
                    return true;
                }
                if (status != 202) {
                    // a retried change the processor already applied answers 200 (same status): never 409 here
                    if (!expectRetryable(status, "status " + target.wireName() + " of " + orderId, answer)) {
                        return false;
                    }
                }
                backOff();
            }
            return false;
        }

        /** 0 (no answer), 409 (a duplicate still in flight) and 502-504 are worth a retry; anything else is not. */
        private boolean expectRetryable(int status, String what, java.util.Optional<ApiClient.Response> answer) {
            if (status == 0 || status == 409 && what.startsWith("order") || status >= 502 && status <= 504) {
                return true;
            }
            ledger.anomaly(what + " answered " + status + ": "
                    + answer.map(ApiClient.Response::body).orElse(null));
            return false;
        }

        private boolean gaveUp(String what) {
            if (Instant.now().isAfter(giveUpAt) || Thread.currentThread().isInterrupted()) {
                ledger.anomaly(what + " got no final answer before the settle time ran out");
                return true;
            }
            return false;
        }

        private void backOff() {
            try {
                // a till's retry pause, not a synchronisation: jittered so retries do not come in waves
                TimeUnit.MILLISECONDS.sleep(200 + random.nextInt(400));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
