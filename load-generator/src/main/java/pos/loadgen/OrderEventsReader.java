package pos.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Reads one order's events from {@code pos.orders.events.v1} the way a downstream system does (README "Consuming
 * the events"): a plain Kafka consumer, {@code read_committed}, keys as UTF-8 strings, values as JSON. It joins no
 * consumer group, so it leaves nothing behind on the broker.
 */
final class OrderEventsReader {

    static final String TOPIC = "pos.orders.events.v1";

    private OrderEventsReader() {}

    /**
     * Reads the topic from the beginning until the events keyed by {@code orderId} satisfy {@code complete}, and
     * returns them in topic order; on timeout returns what it found (the caller's check then names what is missing).
     */
    static List<JsonNode> read(String bootstrap, String orderId, Predicate<List<JsonNode>> complete, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "pos-smoke-test",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(TOPIC, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + TOPIC + " does not exist on " + bootstrap);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var events = new ArrayList<JsonNode>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!complete.test(events) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (orderId.equals(record.key())) {
                        events.add(parse(record.value(), record.partition(), record.offset()));
                    }
                }
            }
            return events;
        }
    }

    private static JsonNode parse(String value, int partition, long offset) {
        try {
            return PosApi.JSON.readTree(value);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the event at partition " + partition + " offset " + offset + " is not JSON: " + value, e);
        }
    }
}
