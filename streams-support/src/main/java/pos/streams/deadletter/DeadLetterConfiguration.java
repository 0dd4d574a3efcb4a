package pos.streams.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.ProducerFactory;

/** One {@link DeadLetterPublisher} behind both Streams dead-letter handlers. */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    DeadLetterPublisher deadLetterPublisher(ProducerFactory<?, ?> producerFactory, MeterRegistry meters) {
        return new DeadLetterPublisher(producerFactory, meters);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer deadLetterHandlers(DeadLetterPublisher publisher) {
        return factoryBean -> {
            var config = factoryBean.getStreamsConfiguration();
            DeadLetterHandlers.install(config, publisher.recoverer());
            factoryBean.setStreamsConfiguration(config);
        };
    }
}
