package pos.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.testing.ApiClient.idempotencyKey;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import pos.api.identity.Role;
import pos.api.identity.TestAccounts;
import pos.api.support.AbstractApiIT;
import pos.api.support.TestInfrastructure;
import pos.schemas.Topics;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.OrderCommand;
import pos.schemas.command.PlaceOrder;
import pos.schemas.reply.CommandReply;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.testing.ApiClient;

/**
 * How many MongoDB round trips a placement's request costs the API: one without an Idempotency-Key (the decided
 * order), two with one (the key's claim and the decided order); and that a cashier's status change reads nothing
 * before it is published (the order's store is remembered from its placement). A stand-in for the store ledger
 * answers every PlaceOrder and ChangeOrderStatus at once, so the request ends with its decision as it does on the
 * running system. Every MongoDB command
 * the API sends from the request's arrival to its answer is counted, except those of the thread that stores a key's
 * outcome once the answer is on its way (which may run before the client has read the answer).
 */
class PlacementRoundTripsIT extends AbstractApiIT {

    static final String STORE = "65a0000000000000000000c1";
    static final CopyOnWriteArrayList<String> commands = new CopyOnWriteArrayList<>();
    static final AtomicBoolean counting = new AtomicBoolean();

    @TestConfiguration
    static class CountCommands {

        @Bean
        MongoClientSettingsBuilderCustomizer countingCommands() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (counting.get()) {
                        commands.add(Thread.currentThread().getName() + ": " + event.getCommandName() + " "
                                + event.getCommand()
                                        .getString(event.getCommandName())
                                        .getValue());
                    }
                }
            });
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final AtomicBoolean ledgerRunning = new AtomicBoolean(true);
    private final Map<String, OrderSnapshot> placedOrders = new java.util.concurrent.ConcurrentHashMap<>();
    private Thread ledger;

    @BeforeEach
    void startStandInLedger() throws InterruptedException {
        var ready = new java.util.concurrent.CountDownLatch(1);
        ledger = new Thread(() -> answerPlacements(ready), "stand-in-ledger");
        ledger.start();
        ready.await();
    }

    @AfterEach
    void stopStandInLedger() throws InterruptedException {
        ledgerRunning.set(false);
        ledger.join(10_000);
    }

    /** A cashier of the store and an order of one product it can place. */
    private record Till(ApiClient api, Map<String, Object> order) {}

    /**
     * Waits until the cashier's first placement is decided: the catalog reaches the API's in-memory prices through
     * Kafka, and the caller's account status is cached after it.
     */
    private Till tillWithAPlacedOrder(String productName) {
        var api = ApiClient.onLocalPort(port);
        var cashier = TestAccounts.of(context).create(Role.USER, STORE);
        var manager = TestAccounts.of(context).create(Role.MANAGER, STORE);
        var product = api.withToken(manager.token()).post("/products/", Map.of("name", productName, "price", "1.20"));
        assertThat(product.status()).as(product.body()).isEqualTo(200);
        Map<String, Object> order = Map.of(
                "store_id",
                STORE,
                "items",
                List.of(Map.of("product_id", product.json().get("id").asString(), "qty", "1")));
        var till = new Till(api.withToken(cashier.token()), order);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> till.api().post("/orders/", order).status() == 200);
        return till;
    }

    @Test
    void aPlacementWithoutAKeyCostsOneRoundTripAndWithAKeyTwo() {
        var till = tillWithAPlacedOrder("Round-trip tea");
        var api = till.api();
        var order = till.order();

        var withoutKey = countedDuring(() -> api.post("/orders/", order));
        var withKey = countedDuring(() -> api.send("POST", "/orders/", order, idempotencyKey("round-trips-1")));

        assertThat(onRequestPath(withoutKey))
                .as("MongoDB commands of a placement without a key")
                .singleElement()
                .satisfies(command -> assertThat(command).endsWith("orders"));
        assertThat(onRequestPath(withKey))
                .as("MongoDB commands of a placement with a key")
                .hasSize(2)
                .anySatisfy(command -> assertThat(command).endsWith("insert idempotency_keys"))
                .anySatisfy(command -> assertThat(command).endsWith("orders"));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(commands)
                        .as("the key's outcome, stored after the answer")
                        .anySatisfy(command -> assertThat(command)
                                .startsWith("idempotency-outcomes")
                                .endsWith("update idempotency_keys")));
    }

    @Test
    void aCashiersStatusChangeWritesTheDecidedOrderAndReadsNothingElse() {
        var till = tillWithAPlacedOrder("Round-trip coffee");
        var placed = till.api().post("/orders/", till.order());
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        var orderId = placed.json().get("order").get("id").asString();

        commands.clear();
        counting.set(true);
        var confirmed = till.api().patch("/orders/" + orderId + "/status", Map.of("status", "confirmed"));
        var sent = List.copyOf(commands);
        counting.set(false);

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("order").get("status").asString()).isEqualTo("confirmed");
        assertThat(onRequestPath(sent))
                .as("MongoDB commands of a status change")
                .isNotEmpty()
                .allSatisfy(command -> assertThat(command)
                        .as("only the decided order's guarded write")
                        .startsWith("api-decision-writes")
                        .endsWith("orders"));
        assertThat(onRequestPath(sent).stream().filter(command -> command.contains(": find ")))
                .as("reads: the guarded write's one, none to learn the order's store")
                .hasSize(1);
    }

    /**
     * Without the key outcomes stored after the answer, and without the caller's account status, which is read at
     * most once per 5 s per account (a deactivated account loses access within that), not once per request.
     */
    private static List<String> onRequestPath(List<String> commands) {
        return commands.stream()
                .filter(command -> !command.startsWith("idempotency-outcomes"))
                .filter(command -> !command.endsWith("find users"))
                .toList();
    }

    private List<String> countedDuring(java.util.function.Supplier<ApiClient.Response> request) {
        commands.clear();
        counting.set(true);
        var response = request.get();
        var sent = List.copyOf(commands);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("order").get("status").asString()).isEqualTo("created");
        return sent;
    }

    /** Answers each PlaceOrder with its order created, as the store ledger would (sequence 2: pending, created). */
    private void answerPlacements(java.util.concurrent.CountDownLatch ready) {
        var commandSerde = JsonSerdes.orderCommand();
        var replySerde = JsonSerdes.commandReply();
        Map<String, Object> consumerProps = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        Map<String, Object> producerProps = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        org.apache.kafka.common.serialization.ByteArraySerializer.class);
        try (var consumer = new KafkaConsumer<String, byte[]>(consumerProps);
                var producer = new KafkaProducer<String, byte[]>(producerProps)) {
            var partitions = consumer.partitionsFor(Topics.ORDER_COMMANDS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            ready.countDown();
            while (ledgerRunning.get()) {
                for (var record : consumer.poll(Duration.ofMillis(50))) {
                    OrderCommand command = commandSerde.deserialize(record.topic(), record.value());
                    CommandReply reply = null;
                    if (command instanceof PlaceOrder placement) {
                        var created = created(placement);
                        placedOrders.put(placement.orderId(), created.order());
                        reply = created;
                    } else if (command instanceof ChangeOrderStatus change
                            && placedOrders.containsKey(change.orderId())) {
                        reply = changed(change, placedOrders.get(change.orderId()));
                    }
                    if (reply != null) {
                        producer.send(new ProducerRecord<>(
                                Topics.COMMAND_REPLIES,
                                reply.commandId(),
                                replySerde.serialize(Topics.COMMAND_REPLIES, reply)));
                    }
                }
                producer.flush();
            }
        } finally {
            ready.countDown();
        }
    }

    /** The order moved to the requested status, as the store ledger would for a legal step (no stock moved). */
    private static OrderCommandReply changed(ChangeOrderStatus change, OrderSnapshot order) {
        var now = Instant.now();
        var moved = new OrderSnapshot(
                order.orderId(),
                order.sequence() + 1,
                change.status(),
                order.storeId(),
                order.userId(),
                order.placedBy(),
                order.lines(),
                order.subtotal(),
                order.tax(),
                order.total(),
                order.shortages(),
                order.idempotencyKey(),
                order.createdAt(),
                now);
        return new OrderCommandReply(
                change.commandId(), change.orderId(), Outcome.APPLIED, moved, null, List.of(), List.of(), now);
    }

    private static OrderCommandReply created(PlaceOrder placement) {
        var now = Instant.now();
        var subtotal = OrderSnapshot.subtotalOf(placement.lines());
        var order = new OrderSnapshot(
                placement.orderId(),
                2,
                OrderStatus.CREATED,
                placement.storeId(),
                placement.userId(),
                placement.placedBy(),
                placement.lines(),
                subtotal,
                null,
                subtotal,
                List.of(),
                placement.idempotencyKey(),
                placement.issuedAt(),
                now);
        return new OrderCommandReply(
                placement.commandId(), placement.orderId(), Outcome.APPLIED, order, null, List.of(), List.of(), now);
    }
}
