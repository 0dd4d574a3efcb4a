package pos.inventory.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pos.inventory.domain.LedgerChange;
import pos.inventory.domain.ProductStock;
import pos.inventory.domain.Reservation;
import pos.inventory.domain.StockLedger;
import pos.inventory.domain.StockLookup;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.CommitStock;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.ReleaseStock;
import pos.schemas.command.ReserveStock;
import pos.observability.tracing.TraceHeaders;
import pos.schemas.event.StockReservationRejected;
import pos.schemas.reply.StockCommandReply;

import java.time.Instant;
import java.util.Optional;

/**
 * Adapts {@link StockLedger} to Kafka Streams: reads the state a command touches, asks the ledger, saves what
 * changed and forwards events, results and replies. One store's commands arrive here one at a time (the input is
 * keyed by store id), which is what makes the read-decide-write safe without locks. What a command causes keeps
 * its headers, W3C {@code traceparent} included, and its trace id is in the log MDC while it is processed.
 */
final class InventoryCommandProcessor implements Processor<String, InventoryCommand, String, InventoryOutput> {

    private static final Logger log = LoggerFactory.getLogger(InventoryCommandProcessor.class);

    private final StockLedger ledger;
    private final ProcessedCommandPurge purge;
    private final MeterRegistry meters;
    private ProcessorContext<String, InventoryOutput> context;
    private KeyValueStore<String, ProductStock> stock;
    private KeyValueStore<String, Reservation> reservations;
    private KeyValueStore<String, ProcessedCommand> processed;

    InventoryCommandProcessor(StockLedger ledger, ProcessedCommandPurge purge, MeterRegistry meters) {
        this.ledger = ledger;
        this.purge = purge;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, InventoryOutput> context) {
        this.context = context;
        stock = context.getStateStore(InventoryStores.STOCK);
        reservations = context.getStateStore(InventoryStores.RESERVATIONS);
        processed = context.getStateStore(InventoryStores.PROCESSED_ADJUSTMENTS);
        context.schedule(purge.interval(), PunctuationType.WALL_CLOCK_TIME, wallClockMs -> {
            Instant now = Instant.ofEpochMilli(wallClockMs);
            purge.run(processed, now);
            purge.runOnReservations(reservations, now);
        });
    }

    @Override
    public void process(Record<String, InventoryCommand> record) {
        try (var trace = TraceHeaders.inMdc(record.headers())) {
            apply(record);
        }
    }

    private void apply(Record<String, InventoryCommand> record) {
        InventoryCommand command = requireRoutedByStore(record);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        StockLookup lookup = productId ->
                Optional.ofNullable(stock.get(InventoryStores.key(command.storeId(), productId)));
        LedgerChange change = decide(command, lookup, now);
        change.stocks().forEach(s -> stock.put(InventoryStores.key(s.storeId(), s.productId()), s));
        change.reservation().ifPresent(r -> reservations.put(InventoryStores.key(r.storeId(), r.orderId()), r));
        forward(record, change);
        change.result().filter(StockReservationRejected.class::isInstance).ifPresent(refused -> refusals(command));
        if (log.isDebugEnabled()) {
            log.debug("Store {}: {} {} -> {} stock event(s), {}", command.storeId(),
                    command.getClass().getSimpleName(), command.commandId(), change.events().size(),
                    change.result().map(r -> r.getClass().getSimpleName()).orElse("no reservation result"));
        }
    }

    /** {@code pos_inventory_reservations_refused_total{store_id}}: orders refused for want of stock. */
    private void refusals(InventoryCommand command) {
        Counter.builder("pos.inventory.reservations.refused")
                .description("Reservations refused because a line was short of stock")
                .tag("store_id", command.storeId())
                .register(meters)
                .increment();
    }

    private LedgerChange decide(InventoryCommand command, StockLookup lookup, Instant now) {
        if (command instanceof AdjustStock adjust) {
            return adjust(adjust, lookup, now);
        }
        if (command instanceof ReserveStock reserve) {
            return ledger.reserve(reserve, reservation(reserve.orderId(), command), lookup, now);
        }
        if (command instanceof ReleaseStock release) {
            return ledger.release(release, reservation(release.orderId(), command), lookup, now);
        }
        if (command instanceof CommitStock commit) {
            return ledger.commit(commit, reservation(commit.orderId(), command), lookup, now);
        }
        throw new IllegalStateException("unknown inventory command " + command.getClass().getName());
    }

    /** Adjustments are deduplicated by command id: a retry gets the stored reply and changes nothing. */
    private LedgerChange adjust(AdjustStock adjust, StockLookup lookup, Instant now) {
        String key = InventoryStores.key(adjust.storeId(), adjust.commandId());
        Optional<StockCommandReply> alreadySent = Optional.ofNullable(processed.get(key)).map(ProcessedCommand::reply);
        LedgerChange change = ledger.adjust(adjust, alreadySent, lookup, now);
        if (alreadySent.isEmpty()) {
            change.reply().ifPresent(reply -> processed.put(key, new ProcessedCommand(reply, now)));
        }
        return change;
    }

    private void forward(Record<String, InventoryCommand> record, LedgerChange change) {
        change.events().forEach(event ->
                context.forward(record.withKey(event.storeId()).withValue(new InventoryOutput.Event(event))));
        change.result().ifPresent(result ->
                context.forward(record.withKey(result.orderId()).withValue(new InventoryOutput.Result(result))));
        change.reply().ifPresent(reply ->
                context.forward(record.withKey(reply.commandId()).withValue(new InventoryOutput.Reply(reply))));
    }

    private Optional<Reservation> reservation(String orderId, InventoryCommand command) {
        return Optional.ofNullable(reservations.get(InventoryStores.key(command.storeId(), orderId)));
    }

    /** A command under another store's key would be decided by a task that does not own that store's stock. */
    private static InventoryCommand requireRoutedByStore(Record<String, InventoryCommand> record) {
        InventoryCommand command = record.value();
        if (command == null) {
            throw new IllegalArgumentException("inventory command without a value (key " + record.key() + ")");
        }
        if (!command.storeId().equals(record.key())) {
            throw new IllegalArgumentException("command " + command.commandId() + " for store " + command.storeId()
                    + " arrived under key " + record.key() + "; inventory commands must be keyed by store id");
        }
        return command;
    }
}
