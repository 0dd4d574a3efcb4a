package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.order;
import static pos.localstack.SharedStack.stock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import pos.schemas.Topics;
import pos.schemas.event.OrderEvent;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderStatus;
import pos.testing.ApiClient;

/** Orders through their whole lifecycle via the REST API, with the stock effects and the events downstream sees. */
class OrderLifecycleE2EIT {

    final String store = newStore();
    final String product = newProduct("4.25");

    @Test
    void completingAnOrderSellsItsReservedStock() {
        stock(store, product, "10");
        var id = place("3").json().get("order").get("id").asString();

        for (var status : List.of("confirmed", "preparing", "ready", "completed")) {
            var changed = admin().patch("/orders/" + id + "/status", Map.of("status", status));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("order").get("status").asString()).isEqualTo(status);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var item = stockItem();
            assertThat(item.get("qty").asString()).isEqualTo("7");
            assertThat(item.get("reserved_qty").asString()).isEqualTo("0");
            assertThat(item.get("available_qty").asString()).isEqualTo("7");
        });
        assertThat(admin().get("/orders/" + id).json().get("status").asString()).isEqualTo("completed");
    }

    @Test
    void cancellingAnOrderReleasesItsStock() {
        stock(store, product, "5");
        var id = place("5").json().get("order").get("id").asString();
        admin().patch("/orders/" + id + "/status", Map.of("status", "confirmed"));

        var cancelled = admin().patch("/orders/" + id + "/status", Map.of("status", "cancelled"));

        assertThat(cancelled.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stockItem().get("available_qty").asString()).isEqualTo("5");
            assertThat(stockItem().get("reserved_qty").asString()).isEqualTo("0");
        });
        var again = admin().patch("/orders/" + id + "/status", Map.of("status", "completed"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("allowed_next")).isEmpty();
    }

    @Test
    void theLifecycleIsEnforced() {
        stock(store, product, "5");
        var id = place("1").json().get("order").get("id").asString();

        var skipping = admin().patch("/orders/" + id + "/status", Map.of("status", "ready"));
        assertThat(skipping.status()).isEqualTo(409);
        assertThat(skipping.header("Content-Type")).startsWith("application/problem+json");
        assertThat(skipping.json().get("detail").asString()).isEqualTo("Cannot change status from created to ready");
        assertThat(skipping.json().get("allowed_next").toString()).isEqualTo("[\"confirmed\",\"cancelled\"]");
        assertThat(skipping.json().get("current_status").asString()).isEqualTo("created");
        assertThat(skipping.json().get("status").asInt()).isEqualTo(409);
        assertThat(skipping.body()).containsOnlyOnce("\"status\"");

        var same = admin().patch("/orders/" + id + "/status", Map.of("status", "created"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("order").get("status").asString()).isEqualTo("created");

        var unknownStatus = admin().patch("/orders/" + id + "/status", Map.of("status", "eaten"));
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.json().get("detail").asString()).startsWith("Invalid status. Must be one of:");

        assertThat(admin().patch("/orders/65b0000000000000000000ff/status", Map.of("status", "confirmed"))
                        .status())
                .isEqualTo(404);
        assertThat(admin().get("/orders/not-an-id").status()).isEqualTo(400);
        assertThat(admin().get("/orders/65b0000000000000000000ff").status()).isEqualTo(404);
    }

    @Test
    void ordersArePricedFromTheCatalog() {
        stock(store, product, "5");

        var stalePrice = admin().post(
                        "/orders/",
                        Map.of(
                                "store_id",
                                store,
                                "items",
                                List.of(Map.of("product_id", product, "qty", "1", "price", "3.99"))));
        assertThat(stalePrice.status()).isEqualTo(409);
        assertThat(stalePrice.json().get("prices").get(0).get("price").asString())
                .isEqualTo("4.25");

        var unknownProduct = admin().post("/orders/", order(store, "65d0000000000000000000ff", "1"));
        assertThat(unknownProduct.status()).isEqualTo(400);

        var placed = place("1.5");
        assertThat(placed.status()).isEqualTo(200);
        var order = placed.json().get("order");
        assertThat(order.get("items").get(0).get("price").asString()).isEqualTo("4.25");
        assertThat(order.get("subtotal").asString()).isEqualTo("6.375");
        assertThat(order.get("total").asString()).isEqualTo("6.375");
        assertThat(order.get("tax").isNull()).isTrue();
    }

    @Test
    void anAsynchronousPlacementCanBeReadAtOnceAndIsDecidedLater() {
        stock(store, product, "2");

        var accepted = admin().post("/orders/", order(store, product, "2"), Map.of("Prefer", "respond-async"));

        assertThat(accepted.status()).isEqualTo(202);
        var id = accepted.json().get("order").get("id").asString();
        assertThat(accepted.header("Location")).isEqualTo("/orders/" + id);
        assertThat(accepted.json().get("order").get("status").asString()).isEqualTo("pending");
        assertThat(admin().get("/orders/" + id).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(admin().get("/orders/" + id)
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("created"));
    }

    @Test
    void listsAStoresOrdersNewestFirstWithTheirCount() {
        stock(store, product, "10");
        var first = place("1").json().get("order").get("id").asString();
        var second = place("1").json().get("order").get("id").asString();
        admin().patch("/orders/" + second + "/status", Map.of("status", "cancelled"));

        var all = admin().get("/orders/?store_id=" + store);
        assertThat(all.header("X-Total-Count")).isEqualTo("2");
        assertThat(List.of(
                        all.json().get(0).get("id").asString(),
                        all.json().get(1).get("id").asString()))
                .containsExactly(second, first);
        var cancelled = admin().get("/orders?store_id=" + store + "&status=cancelled&limit=1");
        assertThat(cancelled.header("X-Total-Count")).isEqualTo("1");
        assertThat(cancelled.json().get(0).get("id").asString()).isEqualTo(second);
        assertThat(admin().get("/orders/?limit=101").status()).isEqualTo(400);
        assertThat(admin().get("/orders/?store_id=nope").status()).isEqualTo(400);
    }

    @Test
    void downstreamSeesEveryStatusChangeOnceAndInOrder() {
        stock(store, product, "5");
        var id = place("1").json().get("order").get("id").asString();
        for (var status : List.of("confirmed", "preparing", "ready", "completed")) {
            admin().patch("/orders/" + id + "/status", Map.of("status", status));
        }

        var seen = new ArrayList<OrderStatusChanged>();
        try (var consumer = downstreamConsumer()) {
            consumer.subscribe(List.of(Topics.ORDER_EVENTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(id)) {
                        seen.add((OrderStatusChanged)
                                JsonSerdes.orderEvent().deserialize(record.topic(), record.value()));
                    }
                }
                return seen.size() >= 6;
            });
        }
        assertThat(seen).extracting(OrderEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(seen)
                .extracting(OrderStatusChanged::status)
                .containsExactly(
                        OrderStatus.PENDING,
                        OrderStatus.CREATED,
                        OrderStatus.CONFIRMED,
                        OrderStatus.PREPARING,
                        OrderStatus.READY,
                        OrderStatus.COMPLETED);
        assertThat(seen.get(1).previousStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(seen).extracting(OrderEvent::eventId).doesNotHaveDuplicates();
    }

    private ApiClient.Response place(String qty) {
        var placed = admin().post("/orders/", order(store, product, qty));
        assertThat(placed.status()).as(placed.body()).isIn(200, 400);
        return placed;
    }

    private tools.jackson.databind.JsonNode stockItem() {
        return admin().get("/stores/" + store + "/inventory/" + product).json();
    }

    private static KafkaConsumer<String, byte[]> downstreamConsumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedStack.stack().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "downstream-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }
}
