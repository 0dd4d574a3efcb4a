package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.stock;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import pos.schemas.Topics;
import pos.schemas.command.AdjustStock;
import pos.schemas.serde.JsonSerdes;
import pos.testing.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Dead letters through the API: a record the store ledger cannot process is listed, re-driven (and dead-lettered
 * again while still bad), then discarded with a reason; a command dead-lettered for a transient cause (twice, as a
 * dead-letter publish outside the failed transaction can be) changes stock exactly once when re-driven.
 */
class DeadLettersE2EIT {

    private static final String LIST = "/admin/dead-letters?topic=" + Topics.INVENTORY_COMMANDS + "&limit=100";

    final String store = newStore();

    @Test
    void aPoisonCommandIsListedRedrivenDeadLetteredAgainAndDiscardedWithAReason() throws Exception {
        var marker = "poison-" + UUID.randomUUID();
        send(new ProducerRecord<>(
                Topics.INVENTORY_COMMANDS,
                store,
                ("{\"type\":\"AdjustStock\",\"note\":\"" + marker + "\"").getBytes(StandardCharsets.UTF_8)));

        var first = awaitDeadLetter(marker, null);
        assertThat(first.get("status").asString()).isEqualTo("open");
        assertThat(first.get("topic").asString()).isEqualTo(Topics.INVENTORY_COMMANDS);
        assertThat(first.get("key").asString()).isEqualTo(store);
        assertThat(first.get("partition").asInt()).isNotNegative();
        assertThat(first.get("offset").asLong()).isNotNegative();
        assertThat(first.get("failure").get("exception").asString()).isNotBlank();
        assertThat(first.get("dead_letter_topic").asString()).isEqualTo(Topics.deadLetter(Topics.INVENTORY_COMMANDS));
        var id = first.get("id").asString();

        var redriven = admin().post("/admin/dead-letters/" + id + "/redrive", Map.of());
        assertThat(redriven.status()).as(redriven.body()).isEqualTo(200);
        assertThat(redriven.json().get("status").asString()).isEqualTo("redriven");
        assertThat(redriven.json().get("handled_by").asString()).isEqualTo("e2e-admin");
        assertThat(admin().post("/admin/dead-letters/" + id + "/redrive", Map.of())
                        .status())
                .as("a dead letter is re-driven once")
                .isEqualTo(409);

        var again = awaitDeadLetter(marker, id);
        assertThat(again.get("status").asString()).isEqualTo("open");
        var againId = again.get("id").asString();
        assertThat(againId).isNotEqualTo(id);

        var noReason = admin().delete("/admin/dead-letters/" + againId, Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        var discarded = admin().delete("/admin/dead-letters/" + againId, Map.of("reason", "malformed by a test"));
        assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
        assertThat(discarded.json().get("status").asString()).isEqualTo("discarded");
        assertThat(discarded.json().get("reason").asString()).isEqualTo("malformed by a test");
        assertThat(admin().get("/admin/dead-letters/" + againId)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("discarded");
        assertThat(admin().post("/admin/dead-letters/" + againId + "/redrive", Map.of())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aCommandDeadLetteredForATransientCauseChangesStockExactlyOnceWhenRedriven() throws Exception {
        var product = newProduct("1.00");
        stock(store, product, "5");
        var command = new AdjustStock(
                "adjust-" + UUID.randomUUID(), store, product, new BigDecimal("3"), "delivery", "e2e", Instant.now());
        var bytes = JsonSerdes.inventoryCommand().serialize(Topics.INVENTORY_COMMANDS, command);
        // the ledger's handler dead-lettered it while the broker timed out; the publish happened twice
        for (int i = 0; i < 2; i++) {
            send(new ProducerRecord<>(
                    Topics.deadLetter(Topics.INVENTORY_COMMANDS),
                    null,
                    store,
                    bytes,
                    deadLetterHeaders(Topics.INVENTORY_COMMANDS, 4242L)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> copies(command.commandId()) == 2);

        var redriven = admin().post("/admin/dead-letters/redrive?topic=" + Topics.INVENTORY_COMMANDS, Map.of());

        assertThat(redriven.status()).as(redriven.body()).isEqualTo(200);
        assertThat(redriven.json().get("redriven").asInt()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(admin().get("/stores/" + store + "/inventory/" + product)
                                .json()
                                .get("qty")
                                .asString())
                        .isEqualTo("8"));
        // a later adjustment of the same store is decided after both copies: they changed stock once in all
        stock(store, product, "1");
        assertThat(admin().get("/stores/" + store + "/inventory/" + product)
                        .json()
                        .get("qty")
                        .asString())
                .isEqualTo("9");
        // (no "nothing left open" check on the whole topic: other tests' dead letters, such as a poison record
        // dead-lettered again after its re-drive, land there at their own pace)
    }

    @Test
    void onlyAnAdminWithEveryStoreSeesDeadLetters() {
        var cashier = ApiClient.at(SharedStack.stack().apiUrl())
                .registerAndLogin("dl-cashier-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(cashier.get("/admin/dead-letters").status()).isEqualTo(403);
        assertThat(admin().get("/admin/dead-letters?topic=nope").status()).isEqualTo(400);
        var list = admin().get(LIST);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("X-Total-Count")).isNotNull();
    }

    private static long copies(String commandId) {
        var list = admin().get(LIST).json();
        return StreamSupport.stream(list.spliterator(), false)
                .filter(d -> String.valueOf(d.get("value")).contains(commandId))
                .count();
    }

    private static JsonNode awaitDeadLetter(String marker, String redriveOf) {
        var found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (var deadLetter : admin().get(LIST).json()) {
                var from = deadLetter.get("redrive_of");
                boolean sameOrigin = redriveOf == null
                        ? from == null || from.isNull()
                        : from != null && redriveOf.equals(from.asString());
                if (sameOrigin && String.valueOf(deadLetter.get("value")).contains(marker)) {
                    found[0] = deadLetter;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static RecordHeaders deadLetterHeaders(String topic, long offset) {
        var headers = new RecordHeaders();
        headers.add("kafka_dlt-original-topic", topic.getBytes(StandardCharsets.UTF_8));
        headers.add(
                "kafka_dlt-original-partition",
                ByteBuffer.allocate(Integer.BYTES).putInt(0).array());
        headers.add(
                "kafka_dlt-original-offset",
                ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        headers.add(
                "kafka_dlt-exception-fqcn",
                "org.apache.kafka.common.errors.TimeoutException".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-exception-message", "Timeout expired while committing".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static void send(ProducerRecord<String, byte[]> record) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedStack.stack().kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }
}
