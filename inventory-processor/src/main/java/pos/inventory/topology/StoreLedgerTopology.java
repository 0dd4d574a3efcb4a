package pos.inventory.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import pos.inventory.domain.StockLedger;
import pos.inventory.domain.StoreLedger;
import pos.schemas.Topics;
import pos.schemas.serde.JsonSerdes;

/**
 * The store ledger: order commands and stock commands, both keyed by store id and co-partitioned, merge into one
 * processor that owns the store's stock and its orders. One command, one exactly-once transaction: the order
 * events (keyed by order id), the order snapshot (keyed by order id, compacted), the stock events (keyed by store
 * id) and the reply (keyed by command id) are written together with the state changes. Store settings (order
 * expiry) from {@code pos.stores.settings.v1}, also keyed by store id, are merged in too, so a store's settings
 * reach its task in order with its commands.
 */
public final class StoreLedgerTopology {

    static final String ORDER_SOURCE = "order-commands-source";
    static final String STOCK_SOURCE = "inventory-commands-source";
    static final String PROCESSOR = "store-ledger";
    static final String SETTINGS_SOURCE = "store-settings-source";
    static final Duration DEFAULT_EXPIRY_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final StoreLedger orders;
    private final StockLedger stock;
    private final ProcessedCommandPurge purge;
    private final OrderMetrics metrics;
    private final Duration expiryCheckInterval;

    /** Without metrics: for tests that count nothing. */
    public StoreLedgerTopology(StockLedger stock, ProcessedCommandPurge purge) {
        this(stock, purge, new SimpleMeterRegistry());
    }

    public StoreLedgerTopology(StockLedger stock, ProcessedCommandPurge purge, MeterRegistry meters) {
        this(stock, purge, meters, DEFAULT_EXPIRY_CHECK_INTERVAL);
    }

    /** @param expiryCheckInterval how often each task cancels the created orders whose store's expiry has come */
    public StoreLedgerTopology(
            StockLedger stock, ProcessedCommandPurge purge, MeterRegistry meters, Duration expiryCheckInterval) {
        this.stock = stock;
        this.orders = new StoreLedger(stock);
        this.purge = purge;
        this.metrics = new OrderMetrics(meters);
        this.expiryCheckInterval = expiryCheckInterval;
    }

    public KStream<String, LedgerOutput> addTo(StreamsBuilder builder) {
        builder.addStateStore(InventoryStores.stock());
        builder.addStateStore(InventoryStores.orders());
        builder.addStateStore(InventoryStores.processedAdjustments());
        builder.addStateStore(InventoryStores.orderExpiry());
        builder.addStateStore(InventoryStores.storeSettings());

        KStream<String, LedgerInput> orderCommands = builder.stream(
                        Topics.ORDER_COMMANDS,
                        Consumed.with(Serdes.String(), JsonSerdes.orderCommand())
                                .withName(ORDER_SOURCE))
                .mapValues(LedgerInput::of, Named.as("order-command-input"));
        KStream<String, LedgerInput> stockCommands = builder.stream(
                        Topics.INVENTORY_COMMANDS,
                        Consumed.with(Serdes.String(), JsonSerdes.inventoryCommand())
                                .withName(STOCK_SOURCE))
                .mapValues(LedgerInput.Stock::new, Named.as("stock-command-input"));

        KStream<String, LedgerInput> settings = builder.stream(
                        Topics.STORE_SETTINGS,
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(SETTINGS_SOURCE))
                .flatMapValues((key, value) -> StoreSettingsInput.read(key, value), Named.as("store-settings-input"));

        KStream<String, LedgerOutput> outputs = orderCommands
                .merge(stockCommands, Named.as("ledger-inputs"))
                .merge(settings, Named.as("ledger-inputs-and-settings"))
                .process(
                        () -> new StoreLedgerProcessor(orders, stock, purge, metrics, expiryCheckInterval),
                        Named.as(PROCESSOR),
                        InventoryStores.STOCK,
                        InventoryStores.ORDERS,
                        InventoryStores.PROCESSED_ADJUSTMENTS,
                        InventoryStores.ORDER_EXPIRY,
                        InventoryStores.STORE_SETTINGS);

        var routes = outputs.split(Named.as("ledger-output-"));
        route(routes, Topics.ORDER_EVENTS, "order-events");
        route(routes, Topics.ORDER_STATE, "order-state");
        route(routes, Topics.INVENTORY_EVENTS, "inventory-events");
        route(routes, Topics.COMMAND_REPLIES, "command-replies");
        routes.noDefaultBranch();
        return outputs;
    }

    private static void route(BranchedKStream<String, LedgerOutput> routes, String topic, String name) {
        routes.branch(
                (key, output) -> output.topic().equals(topic),
                Branched.withConsumer(
                        stream -> stream.mapValues(LedgerOutput::value, Named.as(name + "-value"))
                                .to(
                                        topic,
                                        Produced.with(Serdes.String(), Serdes.ByteArray())
                                                .withName(name + "-sink")),
                        name));
    }
}
