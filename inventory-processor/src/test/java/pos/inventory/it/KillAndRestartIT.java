package pos.inventory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import pos.inventory.InventoryProcessorApplication;
import pos.schemas.Topics;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.OrderCommand;
import pos.schemas.command.PlaceOrder;
import pos.schemas.event.StockChanged;
import pos.schemas.reply.CommandReply;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderStatus;
import pos.streams.testing.EmbeddedBroker;
import pos.streams.testing.TopicReader;
import pos.testing.JavaProcess;

/**
 * SIGKILL the processor while commands stream in, start it again, and read the outputs as a read_committed
 * consumer: every command shows up exactly once and the stock adds up.
 */
@EmbeddedKafka(
        brokerProperties = {
            EmbeddedBroker.TRANSACTION_LOG_RF,
            EmbeddedBroker.TRANSACTION_LOG_ISR,
            EmbeddedBroker.MIN_ISR,
            EmbeddedBroker.NO_REBALANCE_DELAY
        })
class KillAndRestartIT {

    /** A JVM start on a busy 2-core machine plus a rebalance after the kill can take a while. */
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static final List<String> STORES = List.of("65a0000000000000000000a1", "65a0000000000000000000a2");
    private static final List<String> PRODUCTS = List.of("65d0000000000000000000b1", "65d0000000000000000000b2");
    private static final int ROUNDS = 40;

    private final List<Object> commands = commands();
    /** The commands that move stock: adjustments, placements and completions. */
    private final List<String> stockMoving = commands.stream()
            .filter(KillAndRestartIT::movesStock)
            .map(KillAndRestartIT::commandId)
            .toList();

    /**
     * Per store and product and round: deliver 2, place an order of 1 (reserved), and take every other order
     * through its lifecycle to completed (committed).
     */
    private static List<Object> commands() {
        List<Object> all = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String store : STORES) {
                for (String product : PRODUCTS) {
                    String id = store.substring(22) + "-" + product.substring(22) + "-" + round;
                    all.add(new AdjustStock(
                            "adj-" + id, store, product, new BigDecimal("2"), "delivery", "it", Instant.now()));
                    all.add(new PlaceOrder(
                            "res-" + id,
                            "order-" + id,
                            store,
                            "it",
                            "it",
                            List.of(new OrderLine(product, null, "Product", BigDecimal.ONE, BigDecimal.ONE)),
                            null,
                            Instant.now()));
                    if (round % 2 == 0) {
                        for (OrderStatus status : List.of(
                                OrderStatus.CONFIRMED,
                                OrderStatus.PREPARING,
                                OrderStatus.READY,
                                OrderStatus.COMPLETED)) {
                            all.add(new ChangeOrderStatus(
                                    status.wireName() + "-" + id, "order-" + id, store, status, "it", Instant.now()));
                        }
                    }
                }
            }
        }
        return all;
    }

    @Test
    void everyCommandIsAppliedExactlyOnceAcrossAKill(EmbeddedKafkaBroker broker, @TempDir Path work) throws Exception {
        String bootstrapServers = broker.getBrokersAsString();
        broker.addTopics(
                topic(Topics.INVENTORY_COMMANDS),
                topic(Topics.ORDER_COMMANDS),
                topic(Topics.INVENTORY_EVENTS),
                topic(Topics.ORDER_EVENTS),
                topic(Topics.ORDER_STATE),
                topic(Topics.COMMAND_REPLIES));
        Path stateDir = work.resolve("state");
        int firstBatch = commands.size() / 3;
        int firstBatchMoves = (int) commands.subList(0, firstBatch).stream()
                .filter(KillAndRestartIT::movesStock)
                .count();
        int killAfter = firstBatch + (commands.size() - firstBatch) / 2;

        try (var sender = new CommandSender(bootstrapServers);
                var reader = new TopicReader(bootstrapServers, Topics.INVENTORY_EVENTS, Topics.COMMAND_REPLIES)) {
            commands.subList(0, firstBatch).forEach(sender::sendAny);
            JavaProcess first = processor(bootstrapServers, stateDir, work.resolve("first.log"))
                    .start();
            CompletableFuture<Void> feeding;
            try {
                reader.awaitUntil(TIMEOUT, r -> distinctStockChanges(r) >= firstBatchMoves);
                AtomicInteger sent = new AtomicInteger(firstBatch);
                feeding = CompletableFuture.runAsync(
                        () -> commands.subList(firstBatch, commands.size()).forEach(command -> {
                            sender.sendAny(command);
                            sent.incrementAndGet();
                        }));
                await().atMost(TIMEOUT).until(() -> sent.get() >= killAfter);
                first.kill();
            } catch (Throwable failure) {
                throw withLog(failure, first);
            } finally {
                first.stop();
            }
            feeding.get(60, TimeUnit.SECONDS);

            JavaProcess second = processor(bootstrapServers, stateDir, work.resolve("second.log"))
                    .start();
            try {
                reader.awaitUntil(
                        TIMEOUT,
                        r -> distinctStockChanges(r) >= stockMoving.size() && distinctReplies(r) >= commands.size());
                assertEveryCommandAppliedOnce(reader);
                assertStockAddsUp(reader);
            } catch (Throwable failure) {
                throw withLog(failure, second);
            } finally {
                second.stop();
            }
        }
    }

    private void assertEveryCommandAppliedOnce(TopicReader reader) {
        List<StockChanged> changes = stockChanges(reader);
        assertThat(changes).extracting(StockChanged::eventId).doesNotHaveDuplicates();
        assertThat(changes).extracting(StockChanged::commandId).containsExactlyInAnyOrderElementsOf(stockMoving);
        assertThat(reader.values(Topics.COMMAND_REPLIES, JsonSerdes.commandReply()))
                .extracting(CommandReply::commandId)
                .doesNotHaveDuplicates()
                .hasSize(commands.size());
    }

    private void assertStockAddsUp(TopicReader reader) {
        Map<String, List<StockChanged>> byProduct =
                stockChanges(reader).stream().collect(Collectors.groupingBy(c -> c.storeId() + "/" + c.productId()));
        assertThat(byProduct).hasSize(STORES.size() * PRODUCTS.size());
        long expectedVersion = 2L * ROUNDS + ROUNDS / 2;
        byProduct.values().forEach(changes -> {
            assertThat(changes)
                    .extracting(c -> c.stock().version())
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, expectedVersion).boxed().toList());
            StockChanged last = changes.stream()
                    .filter(c -> c.stock().version() == expectedVersion)
                    .findFirst()
                    .orElseThrow();
            assertThat(last.stock().onHand()).isEqualByComparingTo(BigDecimal.valueOf(2L * ROUNDS - ROUNDS / 2));
            assertThat(last.stock().reserved()).isEqualByComparingTo(BigDecimal.valueOf(ROUNDS - ROUNDS / 2));
            assertThat(last.stock().available()).isEqualByComparingTo(BigDecimal.valueOf(ROUNDS));
        });
    }

    private static List<StockChanged> stockChanges(TopicReader reader) {
        return reader.values(Topics.INVENTORY_EVENTS, JsonSerdes.inventoryEvent()).stream()
                .filter(StockChanged.class::isInstance)
                .map(StockChanged.class::cast)
                .toList();
    }

    private static long distinctStockChanges(TopicReader reader) {
        return stockChanges(reader).stream()
                .map(StockChanged::eventId)
                .distinct()
                .count();
    }

    private static long distinctReplies(TopicReader reader) {
        return reader.values(Topics.COMMAND_REPLIES, JsonSerdes.commandReply()).stream()
                .map(CommandReply::commandId)
                .distinct()
                .count();
    }

    private static boolean movesStock(Object command) {
        return command instanceof AdjustStock
                || command instanceof PlaceOrder
                || command instanceof ChangeOrderStatus change && change.status() == OrderStatus.COMPLETED;
    }

    private static String commandId(Object command) {
        return command instanceof OrderCommand order ? order.commandId() : ((InventoryCommand) command).commandId();
    }

    private static NewTopic topic(String name) {
        return new NewTopic(name, ProcessorArgs.PARTITIONS, (short) 1);
    }

    /** The processor as a separate JVM on the test classpath, so it can be killed like a crashed server. */
    private static JavaProcess processor(String bootstrapServers, Path stateDir, Path log) {
        return JavaProcess.ofMainClass(
                "inventory-processor",
                InventoryProcessorApplication.class,
                "256m",
                Map.of(),
                List.of(ProcessorArgs.of(bootstrapServers, stateDir)),
                log);
    }

    private static AssertionError withLog(Throwable failure, JavaProcess processor) {
        return new AssertionError(
                failure.getMessage() + "\n--- " + processor + " log (tail) ---\n" + processor.logTail(), failure);
    }
}
