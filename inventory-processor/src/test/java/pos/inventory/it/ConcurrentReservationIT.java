package pos.inventory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.schemas.Samples.PRODUCT;
import static pos.schemas.Samples.STORE;
import static pos.schemas.Samples.USER;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import pos.inventory.InventoryProcessorApplication;
import pos.schemas.Topics;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.PlaceOrder;
import pos.schemas.event.StockChanged;
import pos.schemas.reply.CommandReply;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;
import pos.schemas.value.StockLevel;
import pos.streams.testing.EmbeddedBroker;
import pos.streams.testing.TopicReader;
import pos.testing.ApiClient;
import tools.jackson.databind.JsonNode;

/** Many tills placing orders for the last units at once: the store's stock is never oversold. */
@EmbeddedKafka(
        brokerProperties = {
            EmbeddedBroker.TRANSACTION_LOG_RF,
            EmbeddedBroker.TRANSACTION_LOG_ISR,
            EmbeddedBroker.MIN_ISR,
            EmbeddedBroker.NO_REBALANCE_DELAY
        })
class ConcurrentReservationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int ORDERS = 50;

    private static ConfigurableApplicationContext processor;
    private static String bootstrapServers;

    @BeforeAll
    static void startProcessor(EmbeddedKafkaBroker broker, @TempDir Path stateDir) {
        bootstrapServers = broker.getBrokersAsString();
        processor = InventoryProcessorApplication.builder().run(ProcessorArgs.of(bootstrapServers, stateDir));
    }

    @AfterAll
    static void stopProcessor() {
        if (processor != null) {
            processor.close();
        }
    }

    @Test
    void fiftyConcurrentReservationsOfTenUnitsReserveExactlyTen() throws Exception {
        try (var sender = new CommandSender(bootstrapServers);
                var reader = new TopicReader(bootstrapServers, Topics.INVENTORY_EVENTS, Topics.COMMAND_REPLIES)) {
            sender.send(new AdjustStock("stock-10", STORE, PRODUCT, BigDecimal.TEN, "delivery", "it", Instant.now()));
            reader.awaitUntil(TIMEOUT, r -> r.count(Topics.COMMAND_REPLIES) == 1);
            assertThat(reader.values(Topics.COMMAND_REPLIES, JsonSerdes.commandReply()))
                    .extracting(CommandReply::outcome)
                    .containsExactly(Outcome.APPLIED);

            sendConcurrently(sender);

            reader.awaitUntil(TIMEOUT, r -> r.count(Topics.COMMAND_REPLIES) >= 1 + ORDERS);
            assertExactlyTenReserved(reader);
            assertStockNeverWentNegative(reader);
        }
    }

    @Test
    void reportsStreamsStateInTheReadinessProbe() {
        String port = processor.getEnvironment().getProperty("local.server.port");
        var api = ApiClient.at("http://localhost:" + port);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            var response = api.get("/actuator/health/readiness");
            assertThat(response.status()).isEqualTo(200);
            JsonNode health = response.json();
            assertThat(health.path("status").asString()).isEqualTo("UP");
            // details (Streams state, broker ids, thread names) are for authenticated callers, and there are none
            assertThat(health.has("components")).isFalse();
        });
    }

    private static void sendConcurrently(CommandSender sender) throws Exception {
        ExecutorService tills = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<CompletableFuture<Void>> sends = IntStream.range(0, ORDERS)
                    .mapToObj(i -> CompletableFuture.runAsync(
                            () -> {
                                awaitQuietly(go);
                                sender.send(new PlaceOrder(
                                        "place-" + i,
                                        "order-" + i,
                                        STORE,
                                        USER,
                                        USER,
                                        List.of(new OrderLine(PRODUCT, null, "Burger", BigDecimal.ONE, BigDecimal.TEN)),
                                        null,
                                        Instant.now()));
                            },
                            tills))
                    .toList();
            go.countDown();
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        } finally {
            tills.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertExactlyTenReserved(TopicReader reader) {
        List<ConsumerRecord<String, byte[]>> records = reader.records(Topics.COMMAND_REPLIES);
        List<OrderCommandReply> results = reader.values(Topics.COMMAND_REPLIES, JsonSerdes.commandReply()).stream()
                .filter(OrderCommandReply.class::isInstance)
                .map(OrderCommandReply.class::cast)
                .toList();
        assertThat(results).hasSize(ORDERS);
        assertThat(records)
                .filteredOn(record -> record.key().startsWith("place-"))
                .hasSize(ORDERS);
        assertThat(results).extracting(OrderCommandReply::orderId).doesNotHaveDuplicates();
        assertThat(results)
                .filteredOn(r -> r.order().status() == OrderStatus.CREATED)
                .hasSize(10);
        assertThat(results)
                .filteredOn(r -> r.order().status() == OrderStatus.REJECTED)
                .hasSize(40)
                .allSatisfy(rejected -> assertThat(rejected.order().shortages())
                        .containsExactly(new Shortage(PRODUCT, BigDecimal.ONE, BigDecimal.ZERO)));
    }

    private static void assertStockNeverWentNegative(TopicReader reader) {
        List<StockLevel> levels = reader.values(Topics.INVENTORY_EVENTS, JsonSerdes.inventoryEvent()).stream()
                .filter(StockChanged.class::isInstance)
                .map(e -> ((StockChanged) e).stock())
                .toList();
        assertThat(levels).hasSize(11).allSatisfy(level -> {
            assertThat(level.available()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(level.reserved()).isBetween(BigDecimal.ZERO, level.onHand());
        });
        StockLevel last = levels.stream()
                .max(Comparator.comparingLong(StockLevel::version))
                .orElseThrow();
        assertThat(last.version()).isEqualTo(11);
        assertThat(last.reserved()).isEqualByComparingTo("10");
        assertThat(last.available()).isEqualByComparingTo("0");
        assertThat(last.onHand()).isEqualByComparingTo("10");
    }
}
