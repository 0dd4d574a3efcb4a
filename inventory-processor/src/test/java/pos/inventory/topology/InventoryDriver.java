package pos.inventory.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import pos.inventory.domain.LowStockPolicy;
import pos.inventory.domain.ProductStock;
import pos.inventory.domain.StockLedger;
import pos.schemas.Topics;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.OrderCommand;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.OrderEvent;
import pos.schemas.reply.CommandReply;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.StoreSettings;

/** The production store ledger topology in a TopologyTestDriver, with typed input and output topics. */
final class InventoryDriver implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration RETENTION = Duration.ofDays(7);
    static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    final TopologyTestDriver driver;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TestInputTopic<String, InventoryCommand> commands;
    final TestOutputTopic<String, InventoryEvent> events;
    final TestInputTopic<String, OrderCommand> orderCommands;
    final TestOutputTopic<String, OrderEvent> orderEvents;
    final TestOutputTopic<String, OrderSnapshot> orderState;
    final TestOutputTopic<String, CommandReply> replies;
    final TestInputTopic<String, StoreSettings> settings;
    private Instant now = START;

    InventoryDriver(Path stateDir, LowStockPolicy lowStock, Properties extra) {
        this(stateDir, lowStock, extra, new ProcessedCommandPurge(RETENTION, PURGE_INTERVAL));
    }

    InventoryDriver(Path stateDir, LowStockPolicy lowStock, Properties extra, ProcessedCommandPurge purge) {
        StreamsBuilder builder = new StreamsBuilder();
        new StoreLedgerTopology(new StockLedger(lowStock), purge, meters).addTo(builder);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "inventory-processor");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putAll(extra);
        driver = new TopologyTestDriver(builder.build(), props, START);
        commands = driver.createInputTopic(
                Topics.INVENTORY_COMMANDS,
                Serdes.String().serializer(),
                JsonSerdes.inventoryCommand().serializer());
        events = driver.createOutputTopic(
                Topics.INVENTORY_EVENTS,
                Serdes.String().deserializer(),
                JsonSerdes.inventoryEvent().deserializer());
        orderCommands = driver.createInputTopic(
                Topics.ORDER_COMMANDS,
                Serdes.String().serializer(),
                JsonSerdes.orderCommand().serializer());
        orderEvents = driver.createOutputTopic(
                Topics.ORDER_EVENTS,
                Serdes.String().deserializer(),
                JsonSerdes.orderEvent().deserializer());
        orderState = driver.createOutputTopic(
                Topics.ORDER_STATE,
                Serdes.String().deserializer(),
                JsonSerdes.orderSnapshot().deserializer());
        replies = driver.createOutputTopic(
                Topics.COMMAND_REPLIES,
                Serdes.String().deserializer(),
                JsonSerdes.commandReply().deserializer());
        settings = driver.createInputTopic(
                Topics.STORE_SETTINGS,
                Serdes.String().serializer(),
                JsonSerdes.storeSettings().serializer());
    }

    InventoryDriver(Path stateDir, LowStockPolicy lowStock) {
        this(stateDir, lowStock, new Properties());
    }

    void send(InventoryCommand command) {
        commands.pipeInput(command.storeId(), command);
    }

    void send(InventoryCommand command, Headers headers) {
        commands.pipeInput(new TestRecord<>(command.storeId(), command, headers));
    }

    void send(OrderCommand command) {
        orderCommands.pipeInput(command.storeId(), command);
    }

    void send(OrderCommand command, Headers headers) {
        orderCommands.pipeInput(new TestRecord<>(command.storeId(), command, headers));
    }

    List<TestRecord<String, OrderEvent>> orderEventRecords() {
        return orderEvents.readRecordsToList();
    }

    List<TestRecord<String, InventoryEvent>> eventRecords() {
        return events.readRecordsToList();
    }

    /** The driver's wall-clock time, which the processor stamps on what it emits. */
    Instant now() {
        return now;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    List<KeyValue<String, InventoryEvent>> events() {
        return events.readKeyValuesToList();
    }

    List<KeyValue<String, OrderEvent>> orderEvents() {
        return orderEvents.readKeyValuesToList();
    }

    List<KeyValue<String, OrderSnapshot>> orderSnapshots() {
        return orderState.readKeyValuesToList();
    }

    List<KeyValue<String, CommandReply>> replies() {
        return replies.readKeyValuesToList();
    }

    KeyValueStore<String, ProductStock> stockStore() {
        return driver.getKeyValueStore(InventoryStores.STOCK);
    }

    OrderStates orderStore() {
        return new OrderStates(driver.getKeyValueStore(InventoryStores.ORDERS));
    }

    KeyValueStore<String, String> expiryStore() {
        return driver.getKeyValueStore(InventoryStores.ORDER_EXPIRY);
    }

    KeyValueStore<String, ProcessedCommand> processedStore() {
        return driver.getKeyValueStore(InventoryStores.PROCESSED_ADJUSTMENTS);
    }

    @Override
    public void close() {
        driver.close();
    }
}
