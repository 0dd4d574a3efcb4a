package pos.orderprocessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import pos.schemas.Samples;
import pos.schemas.Topics;
import pos.schemas.command.ExpirePlacements;
import pos.schemas.command.PlaceOrder;
import pos.schemas.serde.JsonSerdes;
import pos.streams.deadletter.DeadLetterProcessingExceptionHandler;
import pos.streams.testing.EmbeddedBroker;
import pos.streams.testing.TopicReader;
import pos.testing.ApiClient;

/**
 * The application as deployed (its builder, its properties, exactly-once) against a real broker: the placement
 * deadline. The test plays api-service (sends placements keyed by store id) and reads what order-processor sends
 * back to the order commands topic as the store ledger would.
 */
@EmbeddedKafka(
        brokerProperties = {
            EmbeddedBroker.TRANSACTION_LOG_RF,
            EmbeddedBroker.TRANSACTION_LOG_ISR,
            EmbeddedBroker.MIN_ISR,
            EmbeddedBroker.NO_REBALANCE_DELAY
        })
class OrderProcessorIT {

    private static final AtomicInteger ORDER_NUMBERS = new AtomicInteger();

    @TempDir
    static Path stateDir;

    private static ConfigurableApplicationContext app;
    private static KafkaProducer<String, byte[]> producer;
    private static TopicReader orderCommands;

    @BeforeAll
    static void startApplication(EmbeddedKafkaBroker broker) {
        var servers = broker.getBrokersAsString();
        app = OrderProcessorApplication.builder()
                .run(
                        "--spring.kafka.bootstrap-servers=" + servers,
                        "--spring.kafka.streams.state-dir=" + stateDir,
                        "--pos.topics.partitions=2",
                        "--pos.orders.placement-deadline=2s",
                        "--pos.orders.placement-deadline-check=200ms",
                        "--server.port=0");
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(),
                new ByteArraySerializer());
        orderCommands = new TopicReader(servers, Topics.ORDER_COMMANDS);
    }

    @AfterAll
    static void stopApplication() {
        orderCommands.close();
        producer.close();
        app.close();
    }

    @Test
    void aPlacementIsExpiredOnceItsDeadlineHasPassedKeyedByItsStore() {
        var orderId = newOrderId();

        send(Topics.ORDER_COMMANDS, Samples.STORE, JsonSerdes.orderCommand().serialize("", placeOrder(orderId)));

        var expiry = orderCommands.awaitRecord(record -> isExpiryOf(record.value(), orderId));
        var command = JsonSerdes.orderCommand().deserialize(Topics.ORDER_COMMANDS, expiry.value());
        assertThat(expiry.key()).isEqualTo(Samples.STORE);
        assertThat(command).isInstanceOfSatisfying(ExpirePlacements.class, batch -> {
            assertThat(batch.storeId()).isEqualTo(Samples.STORE);
            assertThat(batch.orderIds()).contains(orderId);
            assertThat(batch.commandId()).isEqualTo(ExpirePlacements.commandIdFor(Samples.STORE, batch.orderIds()));
        });
    }

    @Test
    void unreadableCommandGoesToTheDeadLetterTopicAndTheNextCommandIsProcessed() {
        var orderId = newOrderId();
        var poison = "{\"type\":\"PlaceOrder\",\"order_id\":".getBytes(StandardCharsets.UTF_8);
        try (var deadLetters = new TopicReader(broker(), Topics.deadLetter(Topics.ORDER_COMMANDS))) {

            send(Topics.ORDER_COMMANDS, orderId, poison);
            send(Topics.ORDER_COMMANDS, Samples.STORE, JsonSerdes.orderCommand().serialize("", placeOrder(orderId)));

            var deadLetter = deadLetters.awaitRecord(record -> orderId.equals(record.key()));
            assertThat(deadLetter.value()).isEqualTo(poison);
            assertThat(header(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)))
                    .isEqualTo(Topics.ORDER_COMMANDS);
            assertThat(header(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)))
                    .isEqualTo("org.apache.kafka.common.errors.SerializationException");
            assertThat(header(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)))
                    .contains("cannot read OrderCommand");
            assertThat(orderCommands.awaitRecord(record -> isExpiryOf(record.value(), orderId)))
                    .isNotNull();
        }
    }

    @Test
    void reportsItsStreamsStateAsHealth() throws Exception {
        var port = app.getEnvironment().getProperty("local.server.port");
        var client = ApiClient.at("http://localhost:" + port);
        for (var path : List.of("/actuator/health", "/actuator/health/readiness")) {
            await().atMost(60, TimeUnit.SECONDS).untilAsserted(() -> {
                var response = client.get(path);
                assertThat(response.status()).isEqualTo(200);
                // UP only once Streams runs; its details (state, threads) are shown to nobody
                assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("components");
            });
        }
    }

    @Test
    void countsDeadLettersAndExposesStreamsMetricsForPrometheus() throws Exception {
        var orderId = newOrderId();
        var deadLettersBefore = metric("pos_dead_letters_total", "topic=\"" + Topics.ORDER_COMMANDS + "\"");

        send(Topics.ORDER_COMMANDS, orderId, "{not json".getBytes(StandardCharsets.UTF_8));

        await().atMost(60, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(metric("pos_dead_letters_total", "topic=\"" + Topics.ORDER_COMMANDS + "\""))
                    .isEqualTo(deadLettersBefore + 1);
        });
        assertThat(scrape()).contains("kafka_stream_", "kafka_consumer_", "kafka_producer_", "jvm_memory_used_bytes");
    }

    /** The topic also holds the poison records these tests send, so raw bytes are looked at first. */
    private static boolean isExpiryOf(byte[] value, String orderId) {
        var text = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        return text.contains("\"ExpirePlacements\"") && text.contains(orderId);
    }

    private static double metric(String name, String label) throws Exception {
        return scrape().lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String scrape() throws Exception {
        var port = app.getEnvironment().getProperty("local.server.port");
        var response = ApiClient.at("http://localhost:" + port).get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    @Test
    void runsExactlyOnceWithBothDeadLetterHandlers() {
        var config = app.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();

        assertThat(config.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("order-processor");
        assertThat(config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(RecoveringDeserializationExceptionHandler.class);
        assertThat(config.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProcessingExceptionHandler.class);
    }

    private static PlaceOrder placeOrder(String orderId) {
        return new PlaceOrder(
                "place-" + orderId,
                orderId,
                Samples.STORE,
                Samples.USER,
                Samples.USER,
                Samples.lines(),
                "idem-" + orderId,
                Instant.now());
    }

    private static void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value))
                    .get(TopicReader.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static String broker() {
        return app.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
    }

    private static String header(Header header) {
        assertThat(header).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String newOrderId() {
        return String.format("65f%021d", ORDER_NUMBERS.incrementAndGet());
    }
}
