package pos.api.kitchen;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import pos.api.kitchen.domain.FeedCursor;
import pos.schemas.event.OrderEvent;
import pos.schemas.serde.JsonSerde;

/** Reads the order events topic between two cursors for one stream catching up after a reconnect. */
final class FeedHistory {

    /** A catch-up that has not reached the live feed in this long gives up (the client reconnects). */
    static final Duration MAX_CATCH_UP = Duration.ofSeconds(60);

    interface Sink {
        void accept(FeedEvent event) throws IOException;
    }

    enum Outcome {
        CAUGHT_UP,
        GONE
    }

    private final Function<String, Consumer<String, byte[]>> consumers;
    private final JsonSerde<OrderEvent> serde;

    FeedHistory(Function<String, Consumer<String, byte[]>> consumers, JsonSerde<OrderEvent> serde) {
        this.consumers = consumers;
        this.serde = serde;
    }

    /**
     * Hands {@code sink} every event of the store from {@code from} up to (not including) {@code to}, each with the
     * cursor just after it. {@link Outcome#GONE} when the topic no longer holds everything from {@code from} on
     * (retention deleted it, or the cursor names partitions or offsets the topic does not have): nothing was read.
     */
    Outcome replay(FeedCursor from, FeedCursor to, String storeId, Sink sink) throws IOException {
        try (var consumer = consumers.apply("api-order-stream-catch-up")) {
            var partitions = OrderFeed.partitions(consumer);
            var known = new HashSet<Integer>();
            partitions.forEach(p -> known.add(p.partition()));
            if (!known.containsAll(from.positions().keySet())) {
                return Outcome.GONE;
            }
            var beginning = consumer.beginningOffsets(partitions);
            var end = consumer.endOffsets(partitions);
            for (var p : partitions) {
                long at = from.position(p.partition());
                if (at < beginning.get(p) || at > Math.max(end.get(p), to.position(p.partition()))) {
                    return Outcome.GONE;
                }
            }
            var remaining = new HashSet<TopicPartition>();
            for (var p : partitions) {
                if (from.position(p.partition()) < to.position(p.partition())) {
                    remaining.add(p);
                }
            }
            consumer.assign(remaining);
            remaining.forEach(p -> consumer.seek(p, from.position(p.partition())));
            var cursor = from;
            var deadline = Instant.now().plus(MAX_CATCH_UP);
            while (!remaining.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("Catching up took longer than " + MAX_CATCH_UP);
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= to.position(record.partition())) {
                        continue;
                    }
                    cursor = cursor.after(record.partition(), record.offset());
                    var change = OrderFeed.decode(serde, record);
                    if (change.isPresent() && change.get().storeId().equals(storeId)) {
                        sink.accept(new FeedEvent(change.get(), record.partition(), record.offset(), cursor));
                    }
                }
                var done = remaining.stream()
                        .filter(p -> consumer.position(p) >= to.position(p.partition()))
                        .toList();
                if (!done.isEmpty()) {
                    consumer.pause(done);
                    done.forEach(remaining::remove);
                }
            }
            return Outcome.CAUGHT_UP;
        }
    }
}
