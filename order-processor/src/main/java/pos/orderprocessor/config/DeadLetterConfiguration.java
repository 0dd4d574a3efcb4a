package pos.orderprocessor.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Poison records on the input topics go to {@code <topic>.dlq} and processing continues: records that cannot be
 * deserialized through spring-kafka's {@link RecoveringDeserializationExceptionHandler}, records whose processing
 * throws through {@link DeadLetterProcessingExceptionHandler}; both hand them to one {@link DeadLetterPublisher}.
 * The handlers are set in code, not in properties, because they need the publisher instance.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DeadLetterPublisher deadLetterPublisher(ProducerFactory<?, ?> producerFactory, MeterRegistry meters) {
        return new DeadLetterPublisher(producerFactory, meters);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer deadLetterHandlers(DeadLetterPublisher publisher) {
        return factoryBean -> {
            var config = factoryBean.getStreamsConfiguration();
            config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                    RecoveringDeserializationExceptionHandler.class);
            config.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER,
                    publisher.recoverer());
            config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                    DeadLetterProcessingExceptionHandler.class);
            config.put(DeadLetterProcessingExceptionHandler.RECOVERER, publisher.recoverer());
            factoryBean.setStreamsConfiguration(config);
        };
    }
}
