package pos.orderprocessor;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A downstream reader of one topic: all partitions from the beginning, read_committed (so it sees only what the
 * exactly-once processor committed), keeping every record it has read. Use from one test thread only.
 */
final class TopicReader<T> implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Deserializer<T> values;
    private final List<ConsumerRecord<String, byte[]>> raw = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic, Deserializer<T> values) {
        this.topic = topic;
        this.values = values;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        var partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits until a record whose value matches has been read, and returns it. */
    ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> matching) {
        return await("a record on " + topic).atMost(TIMEOUT).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return raw.stream().filter(matching).findFirst();
                }, Optional::isPresent).orElseThrow();
    }

    T awaitValue(Predicate<T> matching) {
        return value(awaitRecord(record -> record.value() != null && matching.test(value(record))));
    }

    /** Everything committed to the topic so far: reads up to the last stable offset of every partition. */
    List<T> readToEnd() {
        var ends = consumer.endOffsets(consumer.assignment());
        await("the end of " + topic).atMost(TIMEOUT).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                });
        return raw.stream().map(this::value).toList();
    }

    T value(ConsumerRecord<String, byte[]> record) {
        return values.deserialize(topic, record.value());
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(raw::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
