package pos.orderprocessor;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
import pos.orderprocessor.config.DeadLetterProcessingExceptionHandler;
import pos.schemas.Samples;
import pos.schemas.Topics;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.CommitStock;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.PlaceOrder;
import pos.schemas.command.ReserveStock;
import pos.schemas.event.OrderEvent;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.event.StockReserved;
import pos.schemas.reply.CommandReply;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderSnapshot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.schemas.value.OrderStatus.COMPLETED;
import static pos.schemas.value.OrderStatus.CONFIRMED;
import static pos.schemas.value.OrderStatus.CREATED;
import static pos.schemas.value.OrderStatus.PENDING;
import static pos.schemas.value.OrderStatus.PREPARING;
import static pos.schemas.value.OrderStatus.READY;

/**
 * The application as deployed (its builder, its properties, exactly-once) against a real broker. The test plays
 * api-service (sends commands) and inventory-processor (answers reservations), and reads the outputs as a
 * downstream read_committed consumer would.
 */
@EmbeddedKafka(brokerProperties = {
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "min.insync.replicas=1",
        "group.initial.rebalance.delay.ms=0"})
class OrderProcessorIT {

    private static final AtomicInteger ORDER_NUMBERS = new AtomicInteger();

    @TempDir
    static Path stateDir;

    private static ConfigurableApplicationContext app;
    private static KafkaProducer<String, byte[]> producer;
    private static TopicReader<InventoryCommand> inventoryCommands;
    private static TopicReader<CommandReply> replies;
    private static TopicReader<OrderEvent> events;
    private static TopicReader<OrderSnapshot> states;

    @BeforeAll
    static void startApplication(EmbeddedKafkaBroker broker) {
        var servers = broker.getBrokersAsString();
        app = OrderProcessorApplication.builder().run(
                "--spring.kafka.bootstrap-servers=" + servers,
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--pos.topics.partitions=2",
                "--server.port=0");
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new ByteArraySerializer());
        inventoryCommands = new TopicReader<>(servers, Topics.INVENTORY_COMMANDS,
                JsonSerdes.inventoryCommand().deserializer());
        replies = new TopicReader<>(servers, Topics.COMMAND_REPLIES, JsonSerdes.commandReply().deserializer());
        events = new TopicReader<>(servers, Topics.ORDER_EVENTS, JsonSerdes.orderEvent().deserializer());
        states = new TopicReader<>(servers, Topics.ORDER_STATE, JsonSerdes.orderSnapshot().deserializer());
    }

    @AfterAll
    static void stopApplication() {
        for (var reader : List.of(inventoryCommands, replies, events, states)) {
            reader.close();
        }
        producer.close();
        app.close();
    }

    @Test
    void placedOrderIsCreatedOnceStockIsReserved() {
        var orderId = newOrderId();

        send(Topics.ORDER_COMMANDS, orderId, JsonSerdes.orderCommand().serialize("", placeOrder(orderId)));
        reserveStockFor(orderId);

        var reply = awaitReply("place-" + orderId);
        assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(reply.order().status()).isEqualTo(CREATED);
        assertThat(reply.order().sequence()).isEqualTo(2);
    }

    @Test
    void walksAnOrderToCompletedAndDownstreamSeesEachChangeOnceInOrder() {
        var orderId = newOrderId();
        send(Topics.ORDER_COMMANDS, orderId, JsonSerdes.orderCommand().serialize("", placeOrder(orderId)));
        reserveStockFor(orderId);
        awaitReply("place-" + orderId);

        for (var status : List.of(CONFIRMED, PREPARING, READY, COMPLETED)) {
            var commandId = status.wireName() + "-" + orderId;
            send(Topics.ORDER_COMMANDS, orderId, JsonSerdes.orderCommand().serialize("",
                    new ChangeOrderStatus(commandId, orderId, status, Samples.USER, Instant.now())));
            assertThat(awaitReply(commandId).outcome()).isEqualTo(Outcome.APPLIED);
        }

        var commit = inventoryCommands.awaitValue(command -> command instanceof CommitStock c
                && c.orderId().equals(orderId));
        assertThat(commit.commandId()).isEqualTo("commit:" + orderId);
        var changes = events.readToEnd().stream().filter(event -> event.orderId().equals(orderId)).toList();
        assertThat(changes).extracting(OrderEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(changes).extracting(event -> ((OrderStatusChanged) event).status())
                .containsExactly(PENDING, CREATED, CONFIRMED, PREPARING, READY, COMPLETED);
        var latest = states.readToEnd().stream().filter(state -> state.orderId().equals(orderId)).toList();
        assertThat(latest.get(latest.size() - 1).status()).isEqualTo(COMPLETED);
        assertThat(latest.get(latest.size() - 1).sequence()).isEqualTo(6);
    }

    @Test
    void unreadableCommandGoesToTheDeadLetterTopicAndTheNextCommandIsProcessed() {
        var orderId = newOrderId();
        var poison = "{\"type\":\"PlaceOrder\",\"order_id\":".getBytes(StandardCharsets.UTF_8);
        try (var deadLetters = new TopicReader<>(broker(), Topics.deadLetter(Topics.ORDER_COMMANDS),
                new ByteArrayDeserializer())) {

            send(Topics.ORDER_COMMANDS, orderId, poison);
            send(Topics.ORDER_COMMANDS, orderId, JsonSerdes.orderCommand().serialize("", placeOrder(orderId)));

            var deadLetter = deadLetters.awaitRecord(record -> orderId.equals(record.key()));
            assertThat(deadLetter.value()).isEqualTo(poison);
            assertThat(header(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)))
                    .isEqualTo(Topics.ORDER_COMMANDS);
            assertThat(header(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)))
                    .isEqualTo("org.apache.kafka.common.errors.SerializationException");
            assertThat(header(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)))
                    .contains("cannot read OrderCommand");
            assertThat(inventoryCommands.awaitValue(command -> command instanceof ReserveStock r
                    && r.orderId().equals(orderId))).isNotNull();
        }
    }

    @Test
    void resultThatFailsProcessingGoesToItsDeadLetterTopic() {
        var orderId = newOrderId();
        var misrouted = JsonSerdes.reservationResult().serialize("", reservedStock(orderId, "reserve:" + orderId));
        try (var deadLetters = new TopicReader<>(broker(), Topics.deadLetter(Topics.INVENTORY_RESERVATIONS),
                new ByteArrayDeserializer())) {

            send(Topics.INVENTORY_RESERVATIONS, "not-" + orderId, misrouted);

            var deadLetter = deadLetters.awaitRecord(record -> ("not-" + orderId).equals(record.key()));
            assertThat(deadLetter.value()).isEqualTo(misrouted);
            assertThat(header(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)))
                    .isEqualTo(IllegalArgumentException.class.getName());
            assertThat(header(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)))
                    .isEqualTo(Topics.INVENTORY_RESERVATIONS);
        }
    }

    @Test
    void reportsItsStreamsStateAsHealth() throws Exception {
        var port = app.getEnvironment().getProperty("local.server.port");
        var client = HttpClient.newHttpClient();
        for (var path : List.of("/actuator/health", "/actuator/health/readiness")) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();

            await().atMost(60, TimeUnit.SECONDS).untilAsserted(() -> {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"kafkaStreams\"").contains("RUNNING");
            });
        }
    }

    @Test
    void countsOrdersAndDeadLettersAndExposesStreamsMetricsForPrometheus() throws Exception {
        var orderId = newOrderId();
        var deadLettersBefore = metric("pos_dead_letters_total", "topic=\"" + Topics.ORDER_COMMANDS + "\"");
        var created = "status=\"created\",store_id=\"" + Samples.STORE + "\"";
        var createdBefore = metric("pos_orders_status_changes_total", created);

        send(Topics.ORDER_COMMANDS, orderId, "{not json".getBytes(StandardCharsets.UTF_8));
        send(Topics.ORDER_COMMANDS, orderId, JsonSerdes.orderCommand().serialize("", placeOrder(orderId)));
        reserveStockFor(orderId);
        awaitReply("place-" + orderId);

        await().atMost(60, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(metric("pos_orders_status_changes_total", created)).isEqualTo(createdBefore + 1);
            assertThat(metric("pos_dead_letters_total", "topic=\"" + Topics.ORDER_COMMANDS + "\""))
                    .isEqualTo(deadLettersBefore + 1);
        });
        assertThat(scrape()).contains("kafka_stream_", "kafka_consumer_", "kafka_producer_", "jvm_memory_used_bytes");
    }

    @Test
    void everythingACommandCausesCarriesItsTraceparent() {
        var orderId = newOrderId();
        var traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        try {
            producer.send(new ProducerRecord<>(Topics.ORDER_COMMANDS, null, orderId,
                    JsonSerdes.orderCommand().serialize("", placeOrder(orderId)),
                    List.of(new RecordHeader("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII)))))
                    .get(TopicReader.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        var reserve = inventoryCommands.awaitRecord(record -> orderIdIn(record.value(), orderId)
                && inventoryCommands.value(record) instanceof ReserveStock r && r.orderId().equals(orderId));
        assertThat(header(reserve.headers().lastHeader("traceparent"))).isEqualTo(traceparent);
        var pending = events.awaitRecord(record -> orderId.equals(record.key()));
        assertThat(header(pending.headers().lastHeader("traceparent"))).isEqualTo(traceparent);
    }

    private static boolean orderIdIn(byte[] value, String orderId) {
        return value != null && new String(value, StandardCharsets.UTF_8).contains(orderId);
    }

    private static double metric(String name, String label) throws Exception {
        return scrape().lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String scrape() throws Exception {
        var port = app.getEnvironment().getProperty("local.server.port");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
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

    /** Stands in for inventory-processor: answers the order's ReserveStock with StockReserved. */
    private static void reserveStockFor(String orderId) {
        var reserve = (ReserveStock) inventoryCommands.awaitValue(command -> command instanceof ReserveStock r
                && r.orderId().equals(orderId));
        send(Topics.INVENTORY_RESERVATIONS, orderId,
                JsonSerdes.reservationResult().serialize("", reservedStock(orderId, reserve.commandId())));
    }

    private static OrderCommandReply awaitReply(String commandId) {
        return (OrderCommandReply) replies.awaitValue(reply -> reply.commandId().equals(commandId));
    }

    private static StockReserved reservedStock(String orderId, String commandId) {
        return new StockReserved(commandId, orderId, Samples.STORE, Samples.reserveStock().lines(), Instant.now());
    }

    private static PlaceOrder placeOrder(String orderId) {
        return new PlaceOrder("place-" + orderId, orderId, Samples.STORE, Samples.USER, Samples.USER,
                Samples.lines(), "idem-" + orderId, Instant.now());
    }

    private static void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(TopicReader.TIMEOUT.toSeconds(),
                    TimeUnit.SECONDS);
        }
        catch (Exception e) {
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
