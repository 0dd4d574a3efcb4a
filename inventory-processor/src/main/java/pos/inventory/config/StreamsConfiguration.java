package pos.inventory.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import pos.inventory.domain.StockLedger;
import pos.inventory.topology.StoreLedgerTopology;

import java.util.Properties;

/**
 * The store ledger topology on Boot's Streams infrastructure ({@code spring.kafka.streams.*}), plus what Boot
 * cannot set from properties: the dead-letter handlers (they need the recoverer instance) and the uncaught
 * exception handler.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties({InventoryProcessorProperties.class, TopicProperties.class})
class StreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

    @Bean
    StockLedger stockLedger(InventoryProcessorProperties properties) {
        return new StockLedger(properties.lowStock().policy());
    }

    @Bean
    StoreLedgerTopology storeLedgerTopology(StockLedger stockLedger, InventoryProcessorProperties properties,
            MeterRegistry meters) {
        return new StoreLedgerTopology(stockLedger, properties.processedCommands().purge(), meters,
                properties.orderExpiry().checkInterval());
    }

    @Bean
    KStream<String, ?> storeLedgerPipeline(StreamsBuilder builder, StoreLedgerTopology topology) {
        return topology.addTo(builder);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer inventoryStreamsConfigurer(ConsumerRecordRecoverer deadLetters) {
        return factoryBean -> {
            Properties config = factoryBean.getStreamsConfiguration();
            config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                    RecoveringDeserializationExceptionHandler.class);
            config.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, deadLetters);
            config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                    DeadLetterProcessingExceptionHandler.class);
            config.put(DeadLetterProcessingExceptionHandler.RECOVERER, deadLetters);
            factoryBean.setStreamsConfiguration(config);
            // a clean stop hands the partitions over at once instead of after the session timeout
            factoryBean.setLeaveGroupOnClose(true);
            // Poison records never reach this handler (they are dead-lettered); what does is infrastructure
            // trouble, which a fresh thread may get past after restoring its tasks.
            factoryBean.setStreamsUncaughtExceptionHandler(exception -> {
                log.error("Stream thread failed; replacing it", exception);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            });
        };
    }
}
