package pos.api.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import pos.api.kafka.CommandProperties;
import pos.api.kafka.CommandPublisher;

/**
 * The dead-letter view's consumer (raw bytes for key and value: a dead letter may be unreadable in both, and is
 * shown and re-driven as it is) and the producer that re-drives (acks=all, idempotent, bounded by the command send
 * timeout). A dead letter that cannot be recorded (MongoDB down) is retried until it can be: it is never skipped.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final String CONTAINER_FACTORY = "deadLetterListenerContainerFactory";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    @Bean(name = CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> deadLetterListenerContainerFactory(
            KafkaProperties kafkaProperties, MeterRegistry meters) {
        var props = kafkaProperties.buildConsumerProperties();
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var consumerFactory = new DefaultKafkaConsumerFactory<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumerFactory.addListener(new MicrometerConsumerListener<>(meters));
        var factory = new ConcurrentKafkaListenerContainerFactory<byte[], byte[]>();
        factory.setConsumerFactory(consumerFactory);
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler((record, e) -> log.error(
                "Dead letter {}-{}@{} not recorded", record.topic(), record.partition(), record.offset(), e),
                backOff));
        return factory;
    }

    @Bean
    DeadLetterRedrives deadLetterRedrives(KafkaProperties kafkaProperties, CommandProperties commands,
            MeterRegistry meters) {
        var props = kafkaProperties.buildProducerProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "api-redrive");
        CommandPublisher.boundedBy(props, commands.sendTimeout());
        var producerFactory = new DefaultKafkaProducerFactory<>(props, new ByteArraySerializer(),
                new ByteArraySerializer());
        producerFactory.addListener(new MicrometerProducerListener<>(meters));
        return new DeadLetterRedrives(new KafkaTemplate<>(producerFactory), commands.sendTimeout());
    }
}
