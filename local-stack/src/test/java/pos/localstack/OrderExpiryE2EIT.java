package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.order;
import static pos.localstack.SharedStack.stock;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import pos.schemas.Topics;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.StoreSettings;
import pos.testing.ApiClient;

/**
 * A store's order expiry through the API: with it on, a created order nobody confirmed is cancelled as "expired"
 * and its stock freed, while a confirmed one stays; off (the default), nothing expires.
 */
class OrderExpiryE2EIT {

    final String store = newStore();

    @Test
    void anUnconfirmedOrderExpiresAndFreesItsStockWhileAConfirmedOneStays() {
        var product = newProduct("2.00");
        stock(store, product, "5");
        assertThat(admin().get("/stores/" + store + "/settings")
                        .json()
                        .get("order_expiry_seconds")
                        .isNull())
                .as("off by default")
                .isTrue();

        var set = admin().put("/stores/" + store + "/settings", Map.of("order_expiry_seconds", 2));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("order_expiry_seconds").asLong()).isEqualTo(2);
        assertThat(set.json().get("updated_by").asString()).isEqualTo("e2e-admin");
        assertThat(admin().get("/stores/" + store + "/settings")
                        .json()
                        .get("order_expiry_seconds")
                        .asLong())
                .isEqualTo(2);

        var confirmed = place(product, "1");
        assertThat(admin().patch("/orders/" + confirmed + "/status", Map.of("status", "confirmed"))
                        .status())
                .isEqualTo(200);
        var unconfirmed = place(product, "3");
        // a placement's reservation reaches the stock read model through its projector, moments after the answer
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reserved(product)).isEqualTo("4"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var order = admin().get("/orders/" + unconfirmed).json();
            assertThat(order.get("status").asString()).isEqualTo("cancelled");
            assertThat(order.get("cancel_reason").asString()).isEqualTo("expired");
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reserved(product)).isEqualTo("1"));
        var item = admin().get("/stores/" + store + "/inventory/" + product).json();
        assertThat(item.get("available_qty").asString()).isEqualTo("4");
        // its deadline came first: it was checked and left alone
        var kept = admin().get("/orders/" + confirmed).json();
        assertThat(kept.get("status").asString()).isEqualTo("confirmed");
        assertThat(kept.has("cancel_reason")).isFalse();
        assertThat(admin().patch("/orders/" + unconfirmed + "/status", Map.of("status", "confirmed"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void settingsAreForManagersOfTheStoreAndValidated() {
        var cashier = ApiClient.at(SharedStack.stack().apiUrl())
                .registerAndLogin("exp-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(cashier.get("/stores/" + store + "/settings").status()).isEqualTo(403);
        assertThat(cashier.put("/stores/" + store + "/settings", Map.of("order_expiry_seconds", 60))
                        .status())
                .isEqualTo(403);
        var tooShort = admin().put("/stores/" + store + "/settings", Map.of("order_expiry_seconds", 0));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin().put("/stores/" + store + "/settings", Map.of("order_expiry_seconds", 604_801))
                        .status())
                .isEqualTo(400);
        var off = new HashMap<String, Object>();
        off.put("order_expiry_seconds", null);
        var turnedOff = admin().put("/stores/" + store + "/settings", off);
        assertThat(turnedOff.status()).as(turnedOff.body()).isEqualTo(200);
        assertThat(turnedOff.json().get("order_expiry_seconds").isNull()).isTrue();
        assertThat(admin().get("/stores/not-an-id/settings").status()).isEqualTo(400);
    }

    /** The API's copy follows the topic the store ledger reads, whichever instance or tool wrote it. */
    @Test
    void settingsWrittenToTheTopicAreReadBack() throws Exception {
        var settings = new StoreSettings(store, 600L, "ops-tool", Instant.now());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedStack.stack().kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.STORE_SETTINGS,
                            store,
                            JsonSerdes.storeSettings().serialize(Topics.STORE_SETTINGS, settings)))
                    .get(30, TimeUnit.SECONDS);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var read = admin().get("/stores/" + store + "/settings").json();
            assertThat(read.get("order_expiry_seconds").asLong()).isEqualTo(600);
            assertThat(read.get("updated_by").asString()).isEqualTo("ops-tool");
        });
    }

    private String place(String product, String qty) {
        var placed = admin().post("/orders/", order(store, product, qty));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        return placed.json().get("order").get("id").asString();
    }

    private String reserved(String product) {
        return admin().get("/stores/" + store + "/inventory/" + product)
                .json()
                .get("reserved_qty")
                .asString();
    }
}
