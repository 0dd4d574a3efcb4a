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
import pos.schemas.command.PlaceOrder;

/**
 * Remembers each placement under its deadline and, on a wall-clock punctuation, sends the expiries of those past it:
 * one {@code ExpirePlacements} per store (several past {@code ExpirePlacements.MAX_ORDERS} orders), keyed by it.
 * Keys are the deadline in zero-padded epoch milliseconds followed by the order id, so the store iterates in
 * deadline order and a punctuation reads only what is due. Other order commands pass by.
 */
final class PlacementDeadlineProcessor implements Processor<String, OrderCommand, String, OrderCommand> {

    /**
     * Placements expired per punctuation at most, so one transaction stays small after a long outage; they are sent
     * as one command per store and {@code ExpirePlacements.MAX_ORDERS} orders.
     */
    static final int MAX_EXPIRIES_PER_CHECK = 10_000;

    private static final Logger log = LoggerFactory.getLogger(PlacementDeadlineProcessor.class);

    private final PlacementDeadline deadline;
    private final Duration checkInterval;
    private ProcessorContext<String, OrderCommand> context;
    private KeyValueStore<String, PendingPlacement> pending;

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
    public void process(Record<String, OrderCommand> record) {
        if (record.value() instanceof PlaceOrder place) {
            var seenAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
            pending.put(
                    key(deadline.dueAt(seenAt), place.orderId()),
                    new PendingPlacement(place.orderId(), place.storeId()));
        }
    }

    private void expireDue(Instant now) {
        List<String> expired = new ArrayList<>();
        Map<String, List<String>> dueByStore = new LinkedHashMap<>();
        try (var due = pending.range(key(Instant.EPOCH, ""), key(now, "\uffff"))) {
            while (due.hasNext() && expired.size() < MAX_EXPIRIES_PER_CHECK) {
                var entry = due.next();
                var placement = entry.value;
                dueByStore
                        .computeIfAbsent(placement.storeId(), store -> new ArrayList<>())
                        .add(placement.orderId());
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

    /** Zero-padded, so that the store's byte order is deadline order. */
    static String key(Instant due, String orderId) {
        return String.format("%019d|%s", Math.max(0, due.toEpochMilli()), orderId);
    }
}
