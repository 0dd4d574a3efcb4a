package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.localstack.SharedStack.account;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.order;
import static pos.testing.ApiClient.idempotencyKey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Store operations through the API only: every change to a product's stock is a movement with who and why, and a
 * till that lost its connection finds the order it placed by its Idempotency-Key, and nobody else's.
 */
class StockMovementsE2EIT {

    private final String store = newStore();
    private final String product = newProduct("2.00");

    @Test
    void aDeliveryAnOrderItsCancelAndACountAreFourMovementsWithTheRightWho() {
        var manager = account("manager", store);
        var cashier = account("user", store);
        var delivered = manager.post(
                "/stores/" + store + "/inventory/adjust",
                Map.of("product_id", product, "delta", "10", "reason_code", "delivery", "note", "truck 4"));
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        var placed = cashier.post("/orders/", order(store, product, "3"), idempotencyKey("till-9-1"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        var orderId = placed.json().get("order").get("id").asString();
        assertThat(cashier.patch("/orders/" + orderId + "/status", Map.of("status", "cancelled"))
                        .status())
                .isEqualTo(200);
        var counted = manager.post(
                "/stores/" + store + "/inventory/count",
                Map.of("product_id", product, "qty", "9", "note", "shelf count"));
        assertThat(counted.status()).as(counted.body()).isEqualTo(200);
        assertThat(counted.json().get("item").get("qty").asString()).isEqualTo("9");

        var path = "/stores/" + store + "/inventory/" + product + "/movements";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(cashier.get(path).header("X-Total-Count")).isEqualTo("4"));
        var listed = cashier.get(path);
        var moves = list(listed.json());
        assertThat(moves)
                .extracting(m -> m.get("type").asString())
                .containsExactly("count", "release", "reserve", "delivery");
        String managerId = manager.get("/users/me").json().get("id").asString();
        assertThat(moves)
                .extracting(m -> m.get("by").asString())
                .containsExactly(managerId, orderId, orderId, managerId);
        assertThat(moves)
                .extracting(m -> m.get("by_type").asString())
                .containsExactly("user", "order", "order", "user");
        assertThat(moves.get(3).get("note").asString()).isEqualTo("truck 4");
        assertThat(moves.get(0).get("note").asString()).isEqualTo("shelf count");
        assertThat(moves.get(0).get("qty_before").asString()).isEqualTo("10");
        assertThat(moves.get(0).get("qty_after").asString()).isEqualTo("9");
        assertThat(moves.get(2).get("reserved_before").asString()).isEqualTo("0");
        assertThat(moves.get(2).get("reserved_after").asString()).isEqualTo("3");
        assertThat(moves.get(1).get("reserved_after").asString()).isEqualTo("0");

        var page = cashier.get(path + "?skip=1&limit=2");
        assertThat(page.header("X-Total-Count")).isEqualTo("4");
        assertThat(list(page.json())).extracting(m -> m.get("type").asString()).containsExactly("release", "reserve");
        var future = cashier.get(path + "?from=" + Instant.now().plus(1, ChronoUnit.HOURS));
        assertThat(future.header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void theFreeTextReasonStillWorksAndBecomesTheNoteWithItsCode() {
        var manager = account("manager", store);
        manager.post(
                "/stores/" + store + "/inventory/adjust",
                Map.of("product_id", product, "delta", "5", "reason", "Delivery from Acme"));
        manager.post(
                "/stores/" + store + "/inventory/adjust",
                Map.of("product_id", product, "delta", "-1", "reason", "oops"));
        var bad = manager.post(
                "/stores/" + store + "/inventory/adjust",
                Map.of("product_id", product, "delta", "1", "reason_code", "theft"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("reason_code");

        var path = "/stores/" + store + "/inventory/" + product + "/movements";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(manager.get(path).header("X-Total-Count")).isEqualTo("2"));
        var moves = list(manager.get(path).json());
        assertThat(moves).extracting(m -> m.get("type").asString()).containsExactly("correction", "delivery");
        assertThat(moves).extracting(m -> m.get("note").asString()).containsExactly("oops", "Delivery from Acme");
    }

    @Test
    void movementsAndCountsFollowTheStoreRules() {
        var cashier = account("user", store);
        var elsewhere = account("manager", newStore());

        assertThat(cashier.get("/stores/" + store + "/inventory/" + product + "/movements")
                        .status())
                .isEqualTo(200);
        assertThat(cashier.post("/stores/" + store + "/inventory/count", Map.of("product_id", product, "qty", "1"))
                        .status())
                .isEqualTo(403);
        assertThat(elsewhere
                        .get("/stores/" + store + "/inventory/" + product + "/movements")
                        .status())
                .isEqualTo(404);
        assertThat(elsewhere
                        .post("/stores/" + store + "/inventory/count", Map.of("product_id", product, "qty", "1"))
                        .status())
                .isEqualTo(404);
        var negative = account("manager", store)
                .post("/stores/" + store + "/inventory/count", Map.of("product_id", product, "qty", "-1"));
        assertThat(negative.status()).isEqualTo(400);
    }

    @Test
    void aLookupByKeyFindsTheOrderPlacedWithItAndNobodyElses() {
        admin().post("/stores/" + store + "/inventory/adjust", Map.of("product_id", product, "delta", "10"));
        var till = account("user", store);
        var otherTill = account("user", store);
        var rungUp = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        var body = new java.util.HashMap<String, Object>(order(store, product, "1"));
        body.put("occurred_at", rungUp.toString());
        var placed = till.post("/orders/", body, idempotencyKey("offline-42"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        var orderId = placed.json().get("order").get("id").asString();
        assertThat(placed.json().get("order").get("occurred_at").asString()).isEqualTo(rungUp.toString());

        var found = till.get("/orders/?idempotency_key=offline-42");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.header("X-Total-Count")).isEqualTo("1");
        assertThat(list(found.json())).singleElement().satisfies(o -> {
            assertThat(o.get("id").asString()).isEqualTo(orderId);
            assertThat(o.get("occurred_at").asString()).isEqualTo(rungUp.toString());
            assertThat(o.get("created_at").asString()).isNotEqualTo(rungUp.toString());
        });
        assertThat(till.get("/orders/" + orderId).json().get("occurred_at").asString())
                .isEqualTo(rungUp.toString());

        // the same key is nobody else's: another till of the same store, an admin, a key never used
        assertThat(list(otherTill.get("/orders/?idempotency_key=offline-42").json()))
                .isEmpty();
        assertThat(list(admin().get("/orders/?idempotency_key=offline-42").json()))
                .isEmpty();
        assertThat(list(till.get("/orders/?idempotency_key=offline-43").json())).isEmpty();
        var theirs = otherTill.post("/orders/", order(store, product, "1"), idempotencyKey("offline-42"));
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(list(otherTill.get("/orders/?idempotency_key=offline-42").json()))
                .singleElement()
                .satisfies(o -> assertThat(o.get("id").asString())
                        .isEqualTo(theirs.json().get("order").get("id").asString()));
        assertThat(list(till.get("/orders/?idempotency_key=offline-42").json()))
                .singleElement()
                .satisfies(o -> assertThat(o.get("id").asString()).isEqualTo(orderId));

        var tooOld = new java.util.HashMap<String, Object>(order(store, product, "1"));
        tooOld.put("occurred_at", Instant.now().minus(73, ChronoUnit.HOURS).toString());
        var refused = till.post("/orders/", tooOld);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("occurred_at");
    }

    @Test
    void theInventoryEventsTopicKeepsItsHistory() throws Exception {
        try (var kafka = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.stack().kafkaBootstrapServers()))) {
            var topic = new ConfigResource(ConfigResource.Type.TOPIC, "pos.inventory.events.v1");
            var config = kafka.describeConfigs(List.of(topic))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic);

            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        var items = new ArrayList<JsonNode>();
        array.forEach(items::add);
        return items;
    }
}
