package pos.api.readmodel;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Listener containers for consumers that take any record as it is (raw bytes for key and value, from the
 * beginning) and only fail when they cannot write it (MongoDB down): such a failure is retried, backing off up to
 * 10 s, until it passes; a record is never skipped for it.
 */
public final class RawRecordListeners {

    private static final Logger log = LoggerFactory.getLogger(RawRecordListeners.class);

    private RawRecordListeners() {}

    public static ConcurrentKafkaListenerContainerFactory<byte[], byte[]> retryingUntilWritten(
            KafkaProperties kafkaProperties, MeterRegistry meters) {
        var props = kafkaProperties.buildConsumerProperties();
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var consumerFactory =
                new DefaultKafkaConsumerFactory<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumerFactory.addListener(new MicrometerConsumerListener<>(meters));
        var factory = new ConcurrentKafkaListenerContainerFactory<byte[], byte[]>();
        factory.setConsumerFactory(consumerFactory);
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                (record, e) ->
                        log.error("{}-{}@{} not written", record.topic(), record.partition(), record.offset(), e),
                backOff));
        return factory;
    }
}
