package pos.api.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import pos.api.kafka.CommandProperties;
import pos.api.kafka.CommandPublisher;
import pos.api.readmodel.RawRecordListeners;

/**
 * The dead-letter view's consumer (raw bytes for key and value: a dead letter may be unreadable in both, and is
 * shown and re-driven as it is) and the producer that re-drives (acks=all, idempotent, bounded by the command send
 * timeout). A dead letter that cannot be recorded (MongoDB down) is retried until it can be: it is never skipped.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final String CONTAINER_FACTORY = "deadLetterListenerContainerFactory";

    @Bean(name = CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> deadLetterListenerContainerFactory(
            KafkaProperties kafkaProperties, MeterRegistry meters) {
        return RawRecordListeners.retryingUntilWritten(kafkaProperties, meters);
    }

    @Bean
    DeadLetterRedrives deadLetterRedrives(
            KafkaProperties kafkaProperties, CommandProperties commands, MeterRegistry meters) {
        var props = kafkaProperties.buildProducerProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "api-redrive");
        CommandPublisher.boundedBy(props, commands.sendTimeout());
        var producerFactory =
                new DefaultKafkaProducerFactory<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        producerFactory.addListener(new MicrometerProducerListener<>(meters));
        return new DeadLetterRedrives(new KafkaTemplate<>(producerFactory), commands.sendTimeout());
    }
}
