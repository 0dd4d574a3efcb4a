package pos.inventory.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import pos.inventory.domain.StockLedger;
import pos.schemas.Topics;
import pos.schemas.serde.JsonSerdes;

/**
 * Inventory commands (keyed by store id) in; stock events (keyed by store id), reservation results (keyed by
 * order id) and adjust replies (keyed by command id) out. Under exactly_once_v2 the state changes and all three
 * outputs of one command commit in one transaction.
 */
public final class InventoryTopology {

    static final String SOURCE = "inventory-commands-source";
    static final String PROCESSOR = "inventory-command-processor";

    private final StockLedger ledger;
    private final ProcessedCommandPurge purge;
    private final MeterRegistry meters;

    /** Without metrics: for tests that count nothing. */
    public InventoryTopology(StockLedger ledger, ProcessedCommandPurge purge) {
        this(ledger, purge, new SimpleMeterRegistry());
    }

    public InventoryTopology(StockLedger ledger, ProcessedCommandPurge purge, MeterRegistry meters) {
        this.ledger = ledger;
        this.purge = purge;
        this.meters = meters;
    }

    public KStream<String, InventoryOutput> addTo(StreamsBuilder builder) {
        builder.addStateStore(InventoryStores.stock());
        builder.addStateStore(InventoryStores.reservations());
        builder.addStateStore(InventoryStores.processedAdjustments());

        KStream<String, InventoryOutput> outputs = builder
                .stream(Topics.INVENTORY_COMMANDS,
                        Consumed.with(Serdes.String(), JsonSerdes.inventoryCommand()).withName(SOURCE))
                .process(() -> new InventoryCommandProcessor(ledger, purge, meters), Named.as(PROCESSOR),
                        InventoryStores.STOCK, InventoryStores.RESERVATIONS, InventoryStores.PROCESSED_ADJUSTMENTS);

        outputs.split(Named.as("inventory-output-"))
                .branch((key, out) -> out instanceof InventoryOutput.Event, Branched.withConsumer(events -> events
                        .mapValues(out -> ((InventoryOutput.Event) out).event(), Named.as("inventory-event-value"))
                        .to(Topics.INVENTORY_EVENTS, Produced.with(Serdes.String(), JsonSerdes.inventoryEvent())
                                .withName("inventory-events-sink")), "events"))
                .branch((key, out) -> out instanceof InventoryOutput.Result, Branched.withConsumer(results -> results
                        .mapValues(out -> ((InventoryOutput.Result) out).result(), Named.as("reservation-result-value"))
                        .to(Topics.INVENTORY_RESERVATIONS, Produced.with(Serdes.String(),
                                JsonSerdes.reservationResult()).withName("reservation-results-sink")), "results"))
                .branch((key, out) -> out instanceof InventoryOutput.Reply, Branched.withConsumer(replies -> replies
                        .mapValues(out -> ((InventoryOutput.Reply) out).reply(), Named.as("command-reply-value"))
                        .to(Topics.COMMAND_REPLIES, Produced.with(Serdes.String(), JsonSerdes.commandReply())
                                .withName("command-replies-sink")), "replies"))
                .noDefaultBranch();
        return outputs;
    }
}
