package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.order;
import static pos.localstack.SharedStack.stock;
import static pos.testing.ApiClient.idempotencyKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import pos.testing.ApiClient;

/** Idempotency-Key through the real API, processors and read models. */
class IdempotencyE2EIT {

    final String store = newStore();
    final String product = newProduct("2.00");

    @Test
    void aRetriedOrderIsReplayedNotPlacedTwice() {
        stock(store, product, "5");
        var first = admin().post("/orders/", order(store, product, "2"), idempotencyKey("till-1"));
        var retry = admin().post("/orders/", order(store, product, "2"), idempotencyKey("till-1"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(admin().get("/orders/?store_id=" + store).header("X-Total-Count"))
                .isEqualTo("1");
        assertThat(stockItem().get("reserved_qty").asString()).isEqualTo("2");
    }

    /** It used to price the order again: after a price change it stored a final 409 for an order holding stock. */
    @Test
    void aRetryAfterA202AnswersThatOrderWhateverTheCatalogDidMeanwhile() {
        stock(store, product, "5");
        var body = Map.of(
                "store_id",
                store,
                "items",
                java.util.List.of(Map.of("product_id", product, "qty", "2", "price", "2.00")));
        var accepted = admin().post("/orders/", body, Map.of("Idempotency-Key", "till-202", "Prefer", "respond-async"));
        assertThat(accepted.status()).isEqualTo(202);
        var orderId = accepted.json().get("order").get("id").asString();
        var repriced = admin().patch("/products/" + product, Map.of("price", "9.99"));
        assertThat(repriced.status()).as(repriced.body()).isEqualTo(200);

        var retry = admin().post("/orders/", body, idempotencyKey("till-202"));

        assertThat(retry.status()).as(retry.body()).isIn(200, 202);
        assertThat(retry.json().get("order").get("id").asString()).isEqualTo(orderId);
        assertThat(retry.json().get("order").get("items").get(0).get("price").asString())
                .isEqualTo("2.00");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var again = admin().post("/orders/", body, idempotencyKey("till-202"));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("order").get("status").asString()).isEqualTo("created");
        });
        assertThat(admin().get("/orders/?store_id=" + store).header("X-Total-Count"))
                .isEqualTo("1");
        assertThat(stockItem().get("reserved_qty").asString()).isEqualTo("2");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        stock(store, product, "5");
        admin().post("/orders/", order(store, product, "1"), idempotencyKey("till-2"));

        var other = admin().post("/orders/", order(store, product, "2"), idempotencyKey("till-2"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aRefusalIsReplayedToo() {
        stock(store, product, "1");
        var refused = admin().post("/orders/", order(store, product, "3"), idempotencyKey("till-3"));
        stock(store, product, "10");

        var retry = admin().post("/orders/", order(store, product, "3"), idempotencyKey("till-3"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void twentyRacingDuplicatesMakeOneOrder() throws Exception {
        stock(store, product, "50");
        var pool = Executors.newFixedThreadPool(20);
        try {
            var calls = new ArrayList<Callable<ApiClient.Response>>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> admin().post("/orders/", order(store, product, "1"), idempotencyKey("till-race")));
            }
            var ids = new ArrayList<String>();
            for (Future<ApiClient.Response> future : pool.invokeAll(calls)) {
                var response = future.get();
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                ids.add(response.json().get("order").get("id").asString());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(admin().get("/orders/?store_id=" + store).header("X-Total-Count"))
                .isEqualTo("1");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(stockItem().get("reserved_qty").asString()).isEqualTo("1"));
    }

    @Test
    void aRetriedStockAdjustmentCountsOnce() {
        var body = Map.of("product_id", product, "delta", "7", "reason", "delivery 42");
        var first = admin().post("/stores/" + store + "/inventory/adjust", body, idempotencyKey("dl-42"));
        var retry = admin().post("/stores/" + store + "/inventory/adjust", body, idempotencyKey("dl-42"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stockItem().get("qty").asString()).isEqualTo("7");
    }

    private tools.jackson.databind.JsonNode stockItem() {
        return admin().get("/stores/" + store + "/inventory/" + product).json();
    }
}
