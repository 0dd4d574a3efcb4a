package pos.orderprocessor.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pos.orderprocessor.domain.PlacementDeadline;
import pos.schemas.command.OrderCommand;

/**
 * Remembers each placement under its deadline and, on a wall-clock punctuation, sends the expiries of those past it:
 * one {@code ExpirePlacements} per store (several past {@code ExpirePlacements.MAX_ORDERS} orders), keyed by it.
 * The store iterates in deadline order ({@link DeadlineEntries}), so a punctuation reads only what is due. It is
 * handed placements only ({@link PlacementReader} reads other commands as null), and ignores the rest.
 */
final class PlacementDeadlineProcessor implements Processor<String, PendingPlacement, String, OrderCommand> {

    /**
     * Placements expired per punctuation at most, so one transaction stays small after a long outage; they are sent
     * as one command per store and {@code ExpirePlacements.MAX_ORDERS} orders.
     */
    static final int MAX_EXPIRIES_PER_CHECK = 10_000;

    private static final Logger log = LoggerFactory.getLogger(PlacementDeadlineProcessor.class);

    private final PlacementDeadline deadline;
    private final Duration checkInterval;
    private ProcessorContext<String, OrderCommand> context;
    private KeyValueStore<String, String> pending;

    PlacementDeadlineProcessor(PlacementDeadline deadline, Duration checkInterval) {
        this.deadline = deadline;
        this.checkInterval = checkInterval;
    }

    @Override
    public void init(ProcessorContext<String, OrderCommand> context) {
        this.context = context;
        this.pending = context.getStateStore(PlacementDeadlineTopology.DEADLINE_STORE);
        context.schedule(
                checkInterval,
                PunctuationType.WALL_CLOCK_TIME,
                wallClockMs -> expireDue(Instant.ofEpochMilli(wallClockMs)));
    }

    @Override
    public void process(Record<String, PendingPlacement> record) {
        var placement = record.value();
        if (placement != null) {
            var seenAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
            pending.put(DeadlineEntries.key(deadline.dueAt(seenAt), placement.orderId()), placement.storeId());
        }
    }

    private void expireDue(Instant now) {
        List<String> expired = new ArrayList<>();
        Map<String, List<String>> dueByStore = new LinkedHashMap<>();
        try (var due = pending.range(DeadlineEntries.key(Instant.EPOCH, ""), DeadlineEntries.key(now, "\uffff"))) {
            while (due.hasNext() && expired.size() < MAX_EXPIRIES_PER_CHECK) {
                var entry = due.next();
                dueByStore
                        .computeIfAbsent(entry.value, store -> new ArrayList<>())
                        .add(DeadlineEntries.orderIdOf(entry.key));
                expired.add(entry.key);
            }
        }
        var expiries = deadline.expiries(dueByStore, now);
        expiries.forEach(expiry -> context.forward(new Record<>(expiry.storeId(), expiry, now.toEpochMilli())));
        // put(key, null) removes the entry without reading it: delete returns the old value, so it read and
        // deserialized every expired placement a second time
        expired.forEach(key -> pending.put(key, null));
        if (!expiries.isEmpty()) {
            // the expiries opened this task's transaction on the command topic's partitions, which holds back their
            // last stable offset: the store ledger reads read_committed, so it sees no placement appended behind an
            // expiry until this transaction commits. Waiting for the commit interval (1 s) delayed those
            // placements by up to a second, every second; commit now instead.
            context.commit();
        }
        if (!expired.isEmpty()) {
            log.info(
                    "Expired {} placement(s) of {} store(s) not known to be decided within {}, in {} command(s)",
                    expired.size(),
                    dueByStore.size(),
                    deadline.timeout(),
                    expiries.size());
        }
    }
}
