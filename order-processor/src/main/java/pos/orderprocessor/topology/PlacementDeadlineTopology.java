package pos.orderprocessor.topology;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import pos.orderprocessor.domain.PlacementDeadline;
import pos.schemas.Topics;
import pos.schemas.command.OrderCommand;
import pos.schemas.serde.JsonSerdes;

/**
 * order-processor's part of the order path: the placement deadline. It reads the order commands (keyed by store
 * id, so it runs per store partition like the ledger), remembers every PlaceOrder with its deadline and sends
 * {@code ExpirePlacements}, one per store and check and keyed by store id, back to the same topic for placements past
 * it. It reads of each command only what that needs ({@link PlacementReader}). The store ledger decides what an
 * expiry means; this topology never needs to know whether a placement was decided.
 */
public final class PlacementDeadlineTopology {

    public static final String DEADLINE_STORE = "placement-deadline-store";

    private final PlacementDeadline deadline;
    private final Duration checkInterval;

    public PlacementDeadlineTopology(PlacementDeadline deadline, Duration checkInterval) {
        this.deadline = deadline;
        this.checkInterval = checkInterval;
    }

    public KStream<String, OrderCommand> addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DEADLINE_STORE), Serdes.String(), DeadlineEntries.STORE_IDS));
        var expiries = builder.stream(
                        Topics.ORDER_COMMANDS,
                        Consumed.with(Serdes.String(), PlacementReader.serde()).withName("order-commands"))
                .process(
                        () -> new PlacementDeadlineProcessor(deadline, checkInterval),
                        Named.as("placement-deadline"),
                        DEADLINE_STORE);
        expiries.to(
                Topics.ORDER_COMMANDS,
                Produced.with(Serdes.String(), JsonSerdes.orderCommand()).withName("expire-placements"));
        return expiries;
    }
}
