package pos.api.readmodel;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import pos.observability.metrics.DeadLetterMetrics;
import pos.schemas.Topics;

/**
 * Consumers that project events into the MongoDB read models. They read only committed records (the processors
 * write transactionally), get raw bytes so an unreadable record is the listener's to reject, and send a record
 * that still fails after a few retries to {@code <topic>.dlq} with the error in its headers, then go on; a
 * read-model write MongoDB refuses is retried until it succeeds instead. Listeners
 * are observed: each record is handled in the trace its {@code traceparent} header names, so the trace id of the
 * request that caused an event shows in the projector's log lines.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    static final String CONTAINER_FACTORY = "projectionListenerContainerFactory";

    @Bean(name = CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> projectionListenerContainerFactory(
            KafkaProperties kafkaProperties, DefaultErrorHandler projectionErrorHandler, MeterRegistry meters) {
        var props = kafkaProperties.buildConsumerProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        var consumerFactory =
                new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumerFactory.addListener(new MicrometerConsumerListener<>(meters));
        factory.setConsumerFactory(consumerFactory);
        factory.getContainerProperties().setObservationEnabled(true);
        factory.setCommonErrorHandler(projectionErrorHandler);
        return factory;
    }

    @Bean
    DefaultErrorHandler projectionErrorHandler(KafkaProperties kafkaProperties, MeterRegistry meters) {
        var props = kafkaProperties.buildProducerProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "api-projection-dlq");
        var producerFactory =
                new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new ByteArraySerializer());
        producerFactory.addListener(new MicrometerProducerListener<>(meters));
        var template = new KafkaTemplate<>(producerFactory);
        var recoverer = new DeadLetterPublishingRecoverer(
                template,
                (record, e) -> new org.apache.kafka.common.TopicPartition(Topics.deadLetter(record.topic()), -1));
        var handler = new DefaultErrorHandler(DeadLetterMetrics.counting(recoverer, meters), new FixedBackOff(200, 3));
        handler.addNotRetryableExceptions(SerializationException.class, IllegalArgumentException.class);
        // a read model that cannot be written (MongoDB down) is no bad record: retried until it can, never skipped
        handler.setBackOffFunction((record, e) -> mongoUnavailable(e) ? untilWritten() : null);
        return handler;
    }

    private static BackOff untilWritten() {
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }

    static boolean mongoUnavailable(Throwable e) {
        return causedBy(e, DataAccessResourceFailureException.class) || causedBy(e, TransientDataAccessException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (var cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
