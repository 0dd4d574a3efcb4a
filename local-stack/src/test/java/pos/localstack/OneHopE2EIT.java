package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.order;
import static pos.localstack.SharedStack.stock;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import pos.schemas.Limits;
import pos.schemas.Topics;
import pos.schemas.command.PlaceOrder;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderLine;

/**
 * The one-hop order path end to end: a status change is answered only once its stock effect is readable, a
 * placement that never reached the store ledger is rejected after the deadline (and stays rejected when re-driven),
 * and a chatty client on a large order stalls nothing.
 */
class OneHopE2EIT {

    final String store = newStore();

    @Test
    void aStockReadRightAfterTheCancelShowsTheRelease() {
        var product = newProduct("2.00");
        stock(store, product, "5");
        var id = admin().post("/orders/", order(store, product, "5"))
                .json()
                .get("order")
                .get("id")
                .asString();

        var cancelled = admin().patch("/orders/" + id + "/status", Map.of("status", "cancelled"));

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        var item = admin().get("/stores/" + store + "/inventory/" + product).json();
        assertThat(item.get("reserved_qty").asString()).isEqualTo("0");
        assertThat(item.get("available_qty").asString()).isEqualTo("5");
    }

    @Test
    void aStockReadRightAfterTheCompletionShowsTheSale() {
        var product = newProduct("2.00");
        stock(store, product, "5");
        var id = admin().post("/orders/", order(store, product, "2"))
                .json()
                .get("order")
                .get("id")
                .asString();
        for (var status : List.of("confirmed", "preparing", "ready", "completed")) {
            assertThat(admin().patch("/orders/" + id + "/status", Map.of("status", status))
                            .status())
                    .isEqualTo(200);
        }

        var item = admin().get("/stores/" + store + "/inventory/" + product).json();
        assertThat(item.get("qty").asString()).isEqualTo("3");
        assertThat(item.get("reserved_qty").asString()).isEqualTo("0");
    }

    /**
     * A PlaceOrder the ledger cannot process (here: written under another store's key) is dead-lettered; the
     * placement deadline expires it and the ledger, which never saw it, rejects it. Re-driven from the dead-letter
     * topic to the right partition, it is refused: it reserves nothing.
     */
    @Test
    void aDeadLetteredPlacementEndsRejectedAfterTheDeadlineAndARedrivenOneIsRefused() throws Exception {
        var product = newProduct("1.00");
        stock(store, product, "4");
        var orderId = new ObjectId().toHexString();
        var place = new PlaceOrder(
                "place-" + orderId,
                orderId,
                store,
                new ObjectId().toHexString(),
                null,
                List.of(new OrderLine(product, null, "Product", BigDecimal.ONE, BigDecimal.ONE)),
                null,
                Instant.now());
        var bytes = JsonSerdes.orderCommand().serialize(Topics.ORDER_COMMANDS, place);
        var servers = SharedStack.stack().kafkaBootstrapServers();

        try (var producer = producer(servers)) {
            producer.send(new ProducerRecord<>(Topics.ORDER_COMMANDS, newStore(), bytes))
                    .get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                var order = admin().get("/orders/" + orderId);
                assertThat(order.status()).isEqualTo(200);
                assertThat(order.json().get("status").asString()).isEqualTo("rejected");
            });

            var deadLetter = awaitDeadLetter(servers, orderId);
            producer.send(new ProducerRecord<>(Topics.ORDER_COMMANDS, store, deadLetter))
                    .get(30, TimeUnit.SECONDS);
            // a marker placement behind it in the same partition: once it is decided, the re-drive was too
            var marker = admin().post("/orders/", order(store, product, "1"));
            assertThat(marker.status()).isEqualTo(200);
            // cancelling the marker answers once the stock after it is readable (its projector may still be
            // behind): a re-driven placement that had reserved would still hold its unit then
            var markerId = marker.json().get("order").get("id").asString();
            assertThat(admin().patch("/orders/" + markerId + "/status", Map.of("status", "cancelled"))
                            .status())
                    .isEqualTo(200);
        }

        assertThat(admin().get("/orders/" + orderId).json().get("status").asString())
                .isEqualTo("rejected");
        var item = admin().get("/stores/" + store + "/inventory/" + product).json();
        assertThat(item.get("reserved_qty").asString())
                .as("only the marker held stock")
                .isEqualTo("0");
    }

    /**
     * The stalled pipeline, at the API's limits: twelve no-op PATCH {status: created} on a 200-line order
     * with the longest names allowed; every one is answered and the store's next order is decided at once.
     */
    @Test
    void twelveNoOpStatusChangesOnTheLargestOrderStallNothing() {
        var product = admin().post(
                        "/products/", Map.of("name", "n".repeat(Limits.MAX_PRODUCT_NAME_LENGTH), "price", "1.00"))
                .json()
                .get("_id")
                .asString();
        stock(store, product, "1000");
        var items = IntStream.range(0, Limits.MAX_ORDER_LINES)
                .mapToObj(i -> Map.of("product_id", product, "qty", "1"))
                .toList();
        var placed = admin().post("/orders/", Map.of("store_id", store, "items", items));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        var id = placed.json().get("order").get("id").asString();

        for (int i = 0; i < 12; i++) {
            var same = admin().patch("/orders/" + id + "/status", Map.of("status", "created"));
            assertThat(same.status()).as(same.body()).isEqualTo(200);
        }

        var next = admin().post("/orders/", order(store, newProductStocked("3"), "1"));
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().get("order").get("status").asString()).isEqualTo("created");
    }

    @Test
    void aProductNameBeyondTheLimitIsRefusedNamingIt() {
        var tooLong = admin().post(
                        "/products/", Map.of("name", "n".repeat(Limits.MAX_PRODUCT_NAME_LENGTH + 1), "price", "1.00"));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most " + Limits.MAX_PRODUCT_NAME_LENGTH + " characters");
    }

    private String newProductStocked(String qty) {
        var product = newProduct("1.00");
        stock(store, product, qty);
        return product;
    }

    private static byte[] awaitDeadLetter(String servers, String orderId) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "redrive-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.ORDER_COMMANDS)));
            var found = new byte[1][];
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null
                            && new String(record.value(), StandardCharsets.UTF_8).contains(orderId)) {
                        found[0] = record.value();
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }

    private static KafkaProducer<String, byte[]> producer(String servers) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
