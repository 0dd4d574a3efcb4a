package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.testing.ApiClient.idempotencyKey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import pos.testing.ApiClient;

/**
 * The whole system driven through its REST API as a till would: stock goes in, orders reserve it, an order beyond
 * the stock is refused, the state survives restarting the processors and the whole stack, a cashier registered by
 * the admin walks an order to completion (a replay with its key changes nothing) and a downstream consumer reads
 * every status change from the events topic. The scenario is one story, so its steps run in order against one
 * stack; subclasses say where Kafka and MongoDB come from (embedded here, containers where Docker exists).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrderJourney {

    static final String STORE = "65a0000000000000000000e2";

    @TempDir
    static Path dataDir;

    LocalStackSettings settings;
    LocalStack stack;
    ApiClient admin;
    String productId;
    String orderId;

    /** Starts the stack on the given settings; called again to restart it on the same data. */
    abstract LocalStack startStack(LocalStackSettings settings) throws Exception;

    @BeforeAll
    void startStack() throws Exception {
        settings = StackSettings.onFreePorts(dataDir);
        stack = startStack(settings);
        admin = ApiClient.at(stack.apiUrl()).registerAndLogin("owner");
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void stockAdjustedThroughInventoryProcessorIsReadBack() {
        var product = admin.post("/products/", Map.of("name", "Burger", "price", "3.50"));
        assertThat(product.status()).as(product.body()).isEqualTo(200);
        productId = product.json().get("_id").asString();

        var adjusted = admin.post(
                "/stores/" + STORE + "/inventory/adjust",
                Map.of("product_id", productId, "delta", "5", "reason", "delivery"));
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
        assertThat(adjusted.json().get("item").get("qty").asString()).isEqualTo("5");
        assertThat(stock().get("available_qty").asString()).isEqualTo("5");
    }

    @Test
    @Order(2)
    void orderWithinStockIsCreatedAndReservesIt() {
        var placed = placeOrder("2", "order-1");
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        var order = placed.json().get("order");
        assertThat(order.get("status").asString()).isEqualTo("created");
        assertThat(order.get("total").asString()).isEqualTo("7.00");
        orderId = order.get("id").asString();

        var read = admin.get("/orders/" + orderId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("status").asString()).isEqualTo("created");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var stock = stock();
            assertThat(stock.get("reserved_qty").asString()).isEqualTo("2");
            assertThat(stock.get("available_qty").asString()).isEqualTo("3");
        });
    }

    @Test
    @Order(3)
    void orderBeyondStockIsRefusedWithItsShortage() {
        var refused = placeOrder("10", "order-2");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo("Insufficient stock for product " + productId);
        var shortage = refused.json().get("shortages").get(0);
        assertThat(shortage.get("requested").asString()).isEqualTo("10");
        assertThat(shortage.get("available").asString()).isEqualTo("3");
        assertThat(stock().get("reserved_qty").asString()).isEqualTo("2");
    }

    @Test
    @Order(4)
    void stateSurvivesRestartingTheProcessors() {
        stack.stopProcessors();
        stack.startProcessors();

        var placed = placeOrder("3", "order-3");
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.json().get("order").get("status").asString()).isEqualTo("created");
        var refused = placeOrder("1", "order-4");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(stock().get("available_qty").asString()).isEqualTo("0"));
    }

    @Test
    @Order(5)
    void ordersAndStockSurviveRestartingTheWholeStack() throws Exception {
        stack.close();
        stack = startStack(settings);
        var again = ApiClient.at(stack.apiUrl()).login("owner");

        var order = again.get("/orders/" + orderId);
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json().get("status").asString()).isEqualTo("created");
        var stock = again.get("/stores/" + STORE + "/inventory/" + productId).json();
        assertThat(stock.get("qty").asString()).isEqualTo("5");
        assertThat(stock.get("reserved_qty").asString()).isEqualTo("5");

        var cancelled = again.patch("/orders/" + orderId + "/status", Map.of("status", "cancelled"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(again.get("/stores/" + STORE + "/inventory/" + productId)
                                .json()
                                .get("available_qty")
                                .asString())
                        .isEqualTo("2"));
    }

    @Test
    @Order(6)
    void aCashierWalksAnOrderToCompletionAReplayChangesNothingAndADownstreamConsumerSeesEveryStatus() {
        var owner = ApiClient.at(stack.apiUrl()).login("owner");
        assertThat(owner.post("/stores/" + STORE + "/inventory/adjust", Map.of("product_id", productId, "delta", "10"))
                        .status())
                .isEqualTo(200);
        var registered = owner.post(
                "/auth/register",
                Map.of(
                        "name",
                        "Till 1",
                        "email",
                        "till1@example.com",
                        "username",
                        "till1",
                        "password",
                        "secret-till1",
                        "store_ids",
                        List.of(STORE)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        var till = ApiClient.at(stack.apiUrl()).login("till1");
        var body = Map.of("store_id", STORE, "items", List.of(Map.of("product_id", productId, "qty", "2")));

        var placed = till.post("/orders/", body, idempotencyKey("till1-0001"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        var completedOrder = placed.json().get("order").get("id").asString();
        var replayed = till.post("/orders/", body, idempotencyKey("till1-0001"));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("order").get("id").asString()).isEqualTo(completedOrder);

        for (var status : List.of("confirmed", "preparing", "ready", "completed")) {
            var moved = till.patch("/orders/" + completedOrder + "/status", Map.of("status", status));
            assertThat(moved.status()).as(status + ": " + moved.body()).isEqualTo(200);
            assertThat(moved.json().get("order").get("status").asString()).isEqualTo(status);
        }
        // the sale is applied and readable when the completion is answered: 5 + 10 - 2 on hand, order-3's 3 reserved
        var stock = till.get("/stores/" + STORE + "/inventory/" + productId).json();
        assertThat(stock.get("qty").asString()).isEqualTo("13");
        assertThat(stock.get("reserved_qty").asString()).isEqualTo("3");

        assertThat(statusesOnTheEventsTopic(completedOrder))
                .containsSubsequence("created", "confirmed", "preparing", "ready", "completed")
                .doesNotHaveDuplicates();
    }

    /** As a downstream system reads them: every status change of the order, keyed by its id, in order. */
    private List<String> statusesOnTheEventsTopic(String order) {
        var statuses = new java.util.ArrayList<String>();
        var sequences = new java.util.ArrayList<Long>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                Map.<String, Object>of(
                        "bootstrap.servers",
                        stack.kafkaBootstrapServers(),
                        "isolation.level",
                        "read_committed",
                        "auto.offset.reset",
                        "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            var partitions = consumer.partitionsFor(pos.schemas.Topics.ORDER_EVENTS).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (order.equals(record.key())) {
                        var event =
                                tools.jackson.databind.json.JsonMapper.shared().readTree(record.value());
                        statuses.add(event.get("status").asString());
                        sequences.add(event.get("sequence").asLong());
                    }
                }
                return statuses.contains("completed");
            });
        }
        assertThat(sequences).isSorted();
        return statuses;
    }

    private ApiClient.Response placeOrder(String qty, String idempotencyKey) {
        return admin.post(
                "/orders/",
                Map.of("store_id", STORE, "items", List.of(Map.of("product_id", productId, "qty", qty))),
                idempotencyKey(idempotencyKey));
    }

    private tools.jackson.databind.JsonNode stock() {
        var response = admin.get("/stores/" + STORE + "/inventory/" + productId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
