package pos.inventory.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pos.inventory.domain.LedgerChange;
import pos.inventory.domain.LedgerDecision;
import pos.inventory.domain.OrderExpiry;
import pos.inventory.domain.ProductStock;
import pos.inventory.domain.StockLedger;
import pos.inventory.domain.StockLookup;
import pos.inventory.domain.StoreLedger;
import pos.observability.tracing.TraceHeaders;
import pos.schemas.Limits;
import pos.schemas.Topics;
import pos.schemas.command.ExpirePlacement;
import pos.schemas.command.ExpirePlacements;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.PlaceOrder;
import pos.schemas.command.SingleOrderCommand;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.reply.CommandReply;
import pos.schemas.reply.StockCommandReply;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.StoreSettings;

/**
 * The store ledger: adapts {@link StoreLedger} (orders) and {@link StockLedger} (adjustments) to Kafka Streams. One
 * store's commands of both input topics arrive here one at a time, which is what makes read-decide-write safe
 * without locks, and under exactly_once_v2 the state changes and every output of one command commit in one
 * transaction. Every output is serialized and measured before any state changes: a command whose outputs would
 * not fit the broker's message size throws {@link OutputTooLargeException}, so it is dead-lettered and nothing of
 * it is half-done. What a command causes carries its W3C trace headers, and its trace id is in the log MDC.
 */
final class StoreLedgerProcessor implements Processor<String, LedgerInput, String, LedgerOutput> {

    private static final Logger log = LoggerFactory.getLogger(StoreLedgerProcessor.class);
    /** Batch header and record framing, on top of key, value and headers. */
    private static final int RECORD_OVERHEAD_BYTES = 512;

    private final StoreLedger orders;
    private final StockLedger stockLedger;
    private final ProcessedCommandPurge purge;
    private final ProcessedCommandPurge.Cursor processedPurged = new ProcessedCommandPurge.Cursor();
    private final ProcessedCommandPurge.Cursor ordersPurged = new ProcessedCommandPurge.Cursor();
    private final OrderMetrics metrics;
    private final JsonSerde<OrderStatusChanged> orderEvents = JsonSerdes.of(OrderStatusChanged.class);
    private final JsonSerde<OrderSnapshot> snapshots = JsonSerdes.orderSnapshot();
    private final JsonSerde<InventoryEvent> stockEvents = JsonSerdes.inventoryEvent();
    private final JsonSerde<CommandReply> replies = JsonSerdes.commandReply();
    private ProcessorContext<String, LedgerOutput> context;
    private KeyValueStore<String, ProductStock> stock;
    private OrderStates orderStates;
    private KeyValueStore<String, ProcessedCommand> processed;
    private KeyValueStore<String, StoreSettings> settings;
    private OrderExpiries expiries;
    private final Duration expiryCheckInterval;

    StoreLedgerProcessor(
            StoreLedger orders,
            StockLedger stockLedger,
            ProcessedCommandPurge purge,
            OrderMetrics metrics,
            Duration expiryCheckInterval) {
        this.orders = orders;
        this.stockLedger = stockLedger;
        this.purge = purge;
        this.metrics = metrics;
        this.expiryCheckInterval = expiryCheckInterval;
    }

    @Override
    public void init(ProcessorContext<String, LedgerOutput> context) {
        this.context = context;
        stock = context.getStateStore(InventoryStores.STOCK);
        orderStates = new OrderStates(context.getStateStore(InventoryStores.ORDERS));
        processed = context.getStateStore(InventoryStores.PROCESSED_ADJUSTMENTS);
        context.schedule(purge.interval(), PunctuationType.WALL_CLOCK_TIME, wallClockMs -> {
            Instant now = Instant.ofEpochMilli(wallClockMs);
            purge.run(processed, processedPurged, now);
            purge.runOnOrders(orderStates, ordersPurged, now);
        });
        settings = context.getStateStore(InventoryStores.STORE_SETTINGS);
        expiries = new OrderExpiries(context.getStateStore(InventoryStores.ORDER_EXPIRY), settings);
        context.schedule(
                expiryCheckInterval,
                PunctuationType.WALL_CLOCK_TIME,
                wallClockMs -> expireDue(Instant.ofEpochMilli(wallClockMs)));
    }

    /** Cancels the created orders whose store's expiry has come: only the due entries of the index are read. */
    private void expireDue(Instant now) {
        expiries.due(now, (storeId, orderId) -> {
            String key = InventoryStores.key(storeId, orderId);
            StockLookup lookup = productId -> Optional.ofNullable(stock.get(InventoryStores.key(storeId, productId)));
            LedgerDecision decision = orders.expireUnconfirmed(orderStates.get(key), lookup, now);
            if (decision.state().isEmpty()) {
                return;
            }
            var outputs = outputsOf(decision, new RecordHeaders());
            outputs.requireFit(OrderExpiry.causeOf(orderId));
            decision.stocks().forEach(s -> stock.put(InventoryStores.key(s.storeId(), s.productId()), s));
            decision.state().ifPresent(state -> orderStates.put(key, state));
            outputs.forward(now.toEpochMilli());
            decision.orderEvents().forEach(metrics::statusChanged);
            log.info("Store {}: order {} expired unconfirmed; its stock is released", storeId, orderId);
        });
    }

    @Override
    public void process(Record<String, LedgerInput> record) {
        try (var trace = TraceHeaders.inMdc(record.headers())) {
            LedgerInput input = requireRoutedByStore(record);
            Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
            String storeId = input.storeId();
            StockLookup lookup = productId -> Optional.ofNullable(stock.get(InventoryStores.key(storeId, productId)));
            if (input instanceof LedgerInput.Order order) {
                decide(record, order.command(), lookup, now);
            } else if (input instanceof LedgerInput.Expiries expiries) {
                expire(record, expiries.batch(), now);
            } else if (input instanceof LedgerInput.Settings changed) {
                settings.put(storeId, changed.settings());
            } else {
                adjust(record, ((LedgerInput.Stock) input).command(), lookup, now);
            }
        }
    }

    private void decide(
            Record<String, LedgerInput> record, SingleOrderCommand command, StockLookup lookup, Instant now) {
        String key = InventoryStores.key(command.storeId(), command.orderId());
        LedgerDecision decision = orders.decide(orderStates.get(key), command, lookup, now);
        var outputs = outputsOf(decision, record.headers());
        outputs.requireFit(command.commandId());

        decision.stocks().forEach(s -> stock.put(InventoryStores.key(s.storeId(), s.productId()), s));
        decision.state().ifPresent(state -> orderStates.put(key, state));
        if (command instanceof PlaceOrder) {
            decision.state()
                    .filter(state -> state.status() == OrderStatus.CREATED)
                    .ifPresent(state -> expiries.watch(state.order()));
        }
        outputs.forward(record.timestamp());
        decision.orderEvents().forEach(metrics::statusChanged);
        if (command instanceof PlaceOrder
                && decision.orderEvents().stream()
                        .anyMatch(e -> e.status() == OrderStatus.REJECTED
                                && !e.order().shortages().isEmpty())) {
            metrics.reservationRefused(command.storeId());
        }
        if (log.isDebugEnabled()) {
            log.debug(
                    "Store {}: {} {} for order {} -> {} order event(s), {} stock event(s)",
                    command.storeId(),
                    command.getClass().getSimpleName(),
                    command.commandId(),
                    command.orderId(),
                    decision.orderEvents().size(),
                    decision.stockEvents().size());
        }
    }

    /**
     * The placement deadline's batch: each order gets exactly the outputs a single {@link ExpirePlacement} of it
     * would have (checked for size under that expiry's command id), and a known order none. Every order's outputs
     * are measured before any state changes, so a batch that cannot be written is dead-lettered whole.
     */
    private void expire(Record<String, LedgerInput> record, ExpirePlacements batch, Instant now) {
        var decisions = orders.expire(
                batch, orderId -> orderStates.contains(InventoryStores.key(batch.storeId(), orderId)), now);
        var outputs = new LinkedHashMap<ExpirePlacement, Outputs>();
        decisions.forEach((expiry, decision) -> {
            var written = outputsOf(decision, record.headers());
            written.requireFit(expiry.commandId());
            outputs.put(expiry, written);
        });

        decisions.forEach((expiry, decision) -> {
            decision.stocks().forEach(s -> stock.put(InventoryStores.key(s.storeId(), s.productId()), s));
            decision.state()
                    .ifPresent(state -> orderStates.put(InventoryStores.key(batch.storeId(), expiry.orderId()), state));
            outputs.get(expiry).forward(record.timestamp());
            decision.orderEvents().forEach(metrics::statusChanged);
        });
        if (!decisions.isEmpty()) {
            log.info(
                    "Store {}: {} of {} expired placement(s) were unknown and are rejected as not decided in time",
                    batch.storeId(),
                    decisions.size(),
                    batch.orderIds().size());
        } else if (log.isDebugEnabled()) {
            log.debug(
                    "Store {}: {} expired placement(s), all decided",
                    batch.storeId(),
                    batch.orderIds().size());
        }
    }

    private Outputs outputsOf(LedgerDecision decision, Headers cause) {
        var outputs = new Outputs(cause);
        decision.orderEvents().forEach(event -> {
            outputs.add(event.orderId(), Topics.ORDER_EVENTS, orderEvents.serialize(Topics.ORDER_EVENTS, event));
        });
        decision.orderEvents().stream()
                .reduce((first, last) -> last)
                .ifPresent(last -> outputs.add(
                        last.orderId(), Topics.ORDER_STATE, snapshots.serialize(Topics.ORDER_STATE, last.order())));
        decision.stockEvents()
                .forEach(event -> outputs.add(
                        event.storeId(),
                        Topics.INVENTORY_EVENTS,
                        stockEvents.serialize(Topics.INVENTORY_EVENTS, event)));
        decision.reply()
                .ifPresent(reply -> outputs.add(
                        reply.commandId(), Topics.COMMAND_REPLIES, replies.serialize(Topics.COMMAND_REPLIES, reply)));
        return outputs;
    }

    /** Adjustments and counts are deduplicated by command id: a retry gets the stored reply and changes nothing. */
    private void adjust(Record<String, LedgerInput> record, InventoryCommand adjust, StockLookup lookup, Instant now) {
        String key = InventoryStores.key(adjust.storeId(), adjust.commandId());
        Optional<StockCommandReply> alreadySent =
                Optional.ofNullable(processed.get(key)).map(ProcessedCommand::reply);
        LedgerChange change = stockLedger.apply(adjust, alreadySent, lookup, now);
        var outputs = new Outputs(record.headers());
        change.events()
                .forEach(event -> outputs.add(
                        event.storeId(),
                        Topics.INVENTORY_EVENTS,
                        stockEvents.serialize(Topics.INVENTORY_EVENTS, event)));
        change.reply()
                .ifPresent(reply -> outputs.add(
                        reply.commandId(), Topics.COMMAND_REPLIES, replies.serialize(Topics.COMMAND_REPLIES, reply)));
        outputs.requireFit(adjust.commandId());

        change.stocks().forEach(s -> stock.put(InventoryStores.key(s.storeId(), s.productId()), s));
        if (alreadySent.isEmpty()) {
            change.reply().ifPresent(reply -> processed.put(key, new ProcessedCommand(reply, now)));
        }
        outputs.forward(record.timestamp());
    }

    /** The outputs of one command, serialized, with the trace headers of the command that caused them. */
    private final class Outputs {

        private final Headers cause;
        private final int headerBytes;
        private final List<Record<String, LedgerOutput>> records = new ArrayList<>();

        Outputs(Headers cause) {
            this.cause = cause;
            int bytes = 0;
            for (Header header : TraceHeaders.propagated(cause)) {
                bytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
            }
            this.headerBytes = bytes;
        }

        void add(String key, String topic, byte[] value) {
            records.add(new Record<>(key, new LedgerOutput(topic, value), 0L));
        }

        void requireFit(String commandId) {
            for (var output : records) {
                long size = (long) output.key().getBytes(StandardCharsets.UTF_8).length
                        + output.value().value().length
                        + headerBytes
                        + RECORD_OVERHEAD_BYTES;
                if (size > Limits.MAX_RECORD_BYTES) {
                    throw new OutputTooLargeException("command " + commandId + " would write a record of " + size
                            + " bytes to " + output.value().topic() + "; at most " + Limits.MAX_RECORD_BYTES
                            + " are allowed");
                }
            }
        }

        /**
         * Only the trace headers are copied: the rest belong to the input's producer. Each output gets its own
         * copy, as Streams may hand the same headers object to several sinks.
         */
        void forward(long timestamp) {
            records.forEach(output -> context.forward(
                    new Record<>(output.key(), output.value(), timestamp, TraceHeaders.propagated(cause))));
        }
    }

    /** A command under another store's key would be decided by a task that does not own that store's stock. */
    private static LedgerInput requireRoutedByStore(Record<String, LedgerInput> record) {
        LedgerInput input = record.value();
        if (input == null) {
            throw new IllegalArgumentException("command without a value (key " + record.key() + ")");
        }
        if (!input.storeId().equals(record.key())) {
            throw new IllegalArgumentException("command " + input.commandId() + " for store " + input.storeId()
                    + " arrived under key " + record.key() + "; ledger commands must be keyed by store id");
        }
        return input;
    }
}
