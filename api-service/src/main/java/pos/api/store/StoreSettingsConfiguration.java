package pos.api.store;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import pos.api.readmodel.RawRecordListeners;

/** The settings projector's consumer: raw bytes, from the beginning; a MongoDB outage is retried until it passes. */
@Configuration(proxyBeanMethods = false)
class StoreSettingsConfiguration {

    @Bean(name = StoreSettingsBook.CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> storeSettingsListenerContainerFactory(
            KafkaProperties kafkaProperties, MeterRegistry meters) {
        return RawRecordListeners.retryingUntilWritten(kafkaProperties, meters);
    }
}
