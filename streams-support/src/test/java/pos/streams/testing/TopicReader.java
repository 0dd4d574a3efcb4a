package pos.streams.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A downstream reader of the processors' output in their ITs: the topics from the beginning, read_committed (so it
 * sees only what an exactly-once processor committed), keeping every record it has read. It subscribes rather than
 * assigns, so it may be opened before a processor has declared the topics. Use from one test thread only.
 */
public final class TopicReader implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        // topics declared after the subscription are found within a second
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        1000),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Polls until what has been read satisfies {@code done}; returns everything read so far. */
    public List<ConsumerRecord<String, byte[]>> awaitUntil(Duration timeout, Predicate<TopicReader> done) {
        await().atMost(timeout)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return done.test(this);
                });
        return List.copyOf(records);
    }

    /** Polls until a record matching has been read, and returns the first such record. */
    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> matching) {
        awaitUntil(TIMEOUT, reader -> reader.records.stream().anyMatch(matching));
        return records.stream().filter(matching).findFirst().orElseThrow();
    }

    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    public <T> List<T> values(String topic, Deserializer<T> values) {
        return records(topic).stream()
                .map(r -> values.deserialize(topic, r.value()))
                .toList();
    }

    public int count(String topic) {
        return records(topic).size();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
