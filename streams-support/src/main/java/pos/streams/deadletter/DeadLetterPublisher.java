package pos.streams.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import pos.observability.metrics.DeadLetterMetrics;
import pos.schemas.Topics;

/**
 * Sends records the processor cannot read or process to {@code <source topic>.dlq}, unchanged (raw bytes, same
 * key) with spring-kafka's {@code kafka_dlt-*} headers describing the error and the original position. It uses
 * its own non-transactional byte-array producer: a dead letter is written at least once, even when the Streams
 * transaction around the failed record is later aborted and the record is dead-lettered again; consumers of a
 * dead-letter topic tell such copies apart by the original topic/partition/offset headers. It starts from Boot's
 * producer settings ({@code spring.kafka.producer.*}: connection, acks) but always writes bytes, whatever
 * serializers those name.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    private final DefaultKafkaProducerFactory<byte[], byte[]> producerFactory;
    private final ConsumerRecordRecoverer recoverer;

    /** Without metrics: for tests that count nothing. */
    public DeadLetterPublisher(ProducerFactory<?, ?> connection) {
        this(connection, new SimpleMeterRegistry());
    }

    /** Counts dead letters per source topic ({@code pos_dead_letters_total}) and the producer's client metrics. */
    public DeadLetterPublisher(ProducerFactory<?, ?> connection, MeterRegistry meters) {
        this.producerFactory = new DefaultKafkaProducerFactory<>(
                connection.getConfigurationProperties(), new ByteArraySerializer(), new ByteArraySerializer());
        producerFactory.addListener(new MicrometerProducerListener<>(meters));
        // partition -1: let the producer pick by key, so the dead-letter topic needs no particular partition count
        this.recoverer = DeadLetterMetrics.counting(
                new DeadLetterPublishingRecoverer(
                        new KafkaTemplate<>(producerFactory),
                        (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1)),
                meters);
    }

    public ConsumerRecordRecoverer recoverer() {
        return recoverer;
    }

    @Override
    public void close() {
        producerFactory.destroy();
    }
}
