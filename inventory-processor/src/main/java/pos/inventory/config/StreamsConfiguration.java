package pos.inventory.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import pos.inventory.domain.StockLedger;
import pos.inventory.topology.StoreLedgerTopology;
import pos.streams.StreamsSupportConfiguration;

/** The store ledger topology on the Streams plumbing both processors share (dead letters, topics). */
@Configuration(proxyBeanMethods = false)
@Import(StreamsSupportConfiguration.class)
@EnableConfigurationProperties(InventoryProcessorProperties.class)
class StreamsConfiguration {

    @Bean
    StockLedger stockLedger(InventoryProcessorProperties properties) {
        return new StockLedger(properties.lowStock().policy());
    }

    @Bean
    StoreLedgerTopology storeLedgerTopology(
            StockLedger stockLedger, InventoryProcessorProperties properties, MeterRegistry meters) {
        return new StoreLedgerTopology(
                stockLedger,
                properties.processedCommands().purge(),
                meters,
                properties.orderExpiry().checkInterval());
    }

    @Bean
    KStream<String, ?> storeLedgerPipeline(StreamsBuilder builder, StoreLedgerTopology topology) {
        return topology.addTo(builder);
    }
}
