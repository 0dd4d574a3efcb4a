package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.order;
import static pos.localstack.SharedStack.stock;
import static pos.testing.ApiClient.idempotencyKey;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import pos.schemas.Topics;
import pos.testing.ApiClient;

/**
 * Operations end to end: one trace id from the HTTP request through every Kafka hop and both processors to the
 * read model, and the Prometheus counters of each service moving with real orders and dead letters.
 */
class ObservabilityE2EIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void oneTraceIdFollowsAnOrderFromTheRequestThroughEveryTopicToTheReadModel() {
        var stack = SharedStack.stack();
        var projector = (Logger) LoggerFactory.getLogger("pos.api.order.OrderViewProjector");
        var seen = new ListAppender<ILoggingEvent>();
        seen.start();
        projector.addAppender(seen);
        var level = projector.getLevel();
        projector.setLevel(Level.DEBUG);
        try {
            var store = newStore();
            var product = newProduct("2.00");
            stock(store, product, "5");
            var traceId = hex(16);

            var placed = admin().post(
                            "/orders/",
                            order(store, product, "1"),
                            Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));

            assertThat(placed.status()).isEqualTo(200);
            var orderId = placed.json().get("order").get("id").asString();
            try (var consumer = consumer(stack.kafkaBootstrapServers())) {
                var place = awaitRecord(
                        consumer,
                        Topics.ORDER_COMMANDS,
                        r -> r.value().contains("PlaceOrder") && r.value().contains(orderId));
                assertThat(traceIdOf(place)).isEqualTo(traceId);
                var reserved = awaitRecord(
                        consumer,
                        Topics.INVENTORY_EVENTS,
                        r -> r.value().contains("\"reserved\"") && r.value().contains(orderId));
                assertThat(traceIdOf(reserved)).isEqualTo(traceId);
                var created = awaitRecord(
                        consumer,
                        Topics.ORDER_EVENTS,
                        r -> orderId.equals(r.key()) && r.value().contains("\"status\":\"created\""));
                assertThat(traceIdOf(created)).isEqualTo(traceId);
            }
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(List.copyOf(seen.list))
                            .filteredOn(e -> e.getFormattedMessage().startsWith("Order " + orderId + " created"))
                            .isNotEmpty()
                            .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("traceId", traceId)));
        } finally {
            projector.detachAppender(seen);
            projector.setLevel(level);
        }
    }

    @Test
    void countersMoveWithOrdersReplaysRefusalsAndDeadLetters() throws Exception {
        var stack = SharedStack.stack();
        var api = stack.apiUrl();
        var orders = stack.orderProcessorUrl();
        var inventory = stack.inventoryProcessorUrl();
        var store = newStore();
        var product = newProduct("1.00");
        stock(store, product, "3");
        var replaysBefore = sample(api, "pos_idempotency_replays_total");
        var placedBefore = sample(api, "pos_orders_placed_total");
        var createdDecisionsBefore = sample(api, "pos_orders_decision_seconds_count", "outcome=\"created\"");
        var statusChangesBefore = Map.of(
                "created", sample(inventory, "pos_orders_status_changes_total", "status=\"created\""),
                "rejected", sample(inventory, "pos_orders_status_changes_total", "status=\"rejected\""),
                "cancelled", sample(inventory, "pos_orders_status_changes_total", "status=\"cancelled\""));
        var refusedBefore = sample(inventory, "pos_inventory_reservations_refused_total");
        var deadLettersBefore = Map.of(
                api, sample(api, "pos_dead_letters_total", "topic=\"" + Topics.ORDER_EVENTS + "\""),
                orders, sample(orders, "pos_dead_letters_total", "topic=\"" + Topics.ORDER_COMMANDS + "\""),
                inventory, sample(inventory, "pos_dead_letters_total", "topic=\"" + Topics.INVENTORY_COMMANDS + "\""));

        var key = idempotencyKey("metrics-" + store);
        var created = admin().post("/orders/", order(store, product, "1"), key);
        assertThat(admin().post("/orders/", order(store, product, "1"), key).header("Idempotent-Replayed"))
                .isEqualTo("true");
        assertThat(admin().post("/orders/", order(store, product, "50")).status())
                .isEqualTo(400);
        var orderId = created.json().get("order").get("id").asString();
        assertThat(admin().patch("/orders/" + orderId + "/status", Map.of("status", "cancelled"))
                        .status())
                .isEqualTo(200);
        sendPoison(stack.kafkaBootstrapServers(), Topics.ORDER_EVENTS, orderId);
        sendPoison(stack.kafkaBootstrapServers(), Topics.ORDER_COMMANDS, orderId);
        sendPoison(stack.kafkaBootstrapServers(), Topics.INVENTORY_COMMANDS, store);

        assertThat(sample(api, "pos_orders_placed_total")).isEqualTo(placedBefore + 2);
        assertThat(sample(api, "pos_idempotency_replays_total")).isEqualTo(replaysBefore + 1);
        assertThat(sample(api, "pos_orders_decision_seconds_count", "outcome=\"created\""))
                .isGreaterThan(createdDecisionsBefore);
        assertThat(sample(api, "pos_orders_decision_seconds_count", "outcome=\"rejected\""))
                .isPositive();
        await().atMost(WAIT).untilAsserted(() -> {
            for (var status : List.of("created", "rejected", "cancelled")) {
                assertThat(sample(inventory, "pos_orders_status_changes_total", "status=\"" + status + "\""))
                        .as(status)
                        .isGreaterThanOrEqualTo(statusChangesBefore.get(status) + 1);
            }
            assertThat(sample(inventory, "pos_inventory_reservations_refused_total"))
                    .isGreaterThanOrEqualTo(refusedBefore + 1);
            assertThat(sample(api, "pos_dead_letters_total", "topic=\"" + Topics.ORDER_EVENTS + "\""))
                    .isEqualTo(deadLettersBefore.get(api) + 1);
            assertThat(sample(orders, "pos_dead_letters_total", "topic=\"" + Topics.ORDER_COMMANDS + "\""))
                    .isEqualTo(deadLettersBefore.get(orders) + 1);
            assertThat(sample(inventory, "pos_dead_letters_total", "topic=\"" + Topics.INVENTORY_COMMANDS + "\""))
                    .isEqualTo(deadLettersBefore.get(inventory) + 1);
        });

        var apiMetrics = scrape(api);
        // no label takes a value a client chose: store ids come from clients
        for (var service : List.of(api, orders, inventory)) {
            assertThat(scrape(service)).as(service).doesNotContain("store_id=", store);
        }
        // Kafka's per-partition metrics such as records-lag appear at Micrometer's next refresh (a minute)
        assertThat(apiMetrics)
                .contains(
                        "pos_orders_decision_seconds_bucket{",
                        "http_server_requests_seconds_count{",
                        "jvm_memory_used_bytes{",
                        "kafka_producer_record_send_total{",
                        "kafka_consumer_",
                        "mongodb_driver_pool_size{")
                // the local stack's MongoDB commands are not timed one by one (LocalStack#apiProperties)
                .doesNotContain("mongodb_driver_commands_seconds");
        for (var processor : List.of(orders, inventory)) {
            assertThat(scrape(processor)).contains("kafka_stream_", "kafka_consumer_", "jvm_memory_used_bytes{");
        }
    }

    @Test
    void probesAnswerOnEveryServiceWithoutATokenAndWithoutDetails() throws Exception {
        var stack = SharedStack.stack();
        for (var service : List.of(stack.apiUrl(), stack.orderProcessorUrl(), stack.inventoryProcessorUrl())) {
            for (var probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
                var response = ApiClient.at(service).get(probe);
                assertThat(response.status()).as(service + probe).isEqualTo(200);
                assertThat(response.body())
                        .as(service + probe)
                        .contains("\"status\":\"UP\"")
                        .doesNotContain("components", "details");
            }
        }
        var api = ApiClient.at(stack.apiUrl());
        assertThat(api.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(api.get("/actuator/env").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer());
    }

    private static ConsumerRecord<String, String> awaitRecord(
            KafkaConsumer<String, String> consumer, String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        var partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        var found = new ArrayList<ConsumerRecord<String, String>>();
        await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (wanted.test(r)) {
                    found.add(r);
                }
            });
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static String traceIdOf(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent on " + record.topic()).isNotNull();
        return new String(header.value(), StandardCharsets.US_ASCII).split("-")[1];
    }

    private static void sendPoison(String bootstrap, String topic, String key) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "{not json")).get(10, TimeUnit.SECONDS);
        }
    }

    /** The sum of a Prometheus metric's samples whose labels contain every fragment; 0 when there are none. */
    private static double sample(String service, String metric, String... labels) throws Exception {
        return scrape(service)
                .lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The API's metrics need an admin's token; the processors' are on ports only the host reaches. */
    private static String scrape(String service) throws Exception {
        var client = ApiClient.at(service).withTimeout(Duration.ofSeconds(10));
        if (service.equals(SharedStack.stack().apiUrl())) {
            client = client.withToken(admin().token());
        }
        var response = client.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static String hex(int bytes) {
        var id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
