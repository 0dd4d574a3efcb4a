package pos.orderprocessor.config;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import pos.orderprocessor.topology.PlacementDeadlineTopology;
import pos.streams.StreamsSupportConfiguration;

/** The placement deadline topology on the Streams plumbing both processors share (dead letters, topics). */
@Configuration(proxyBeanMethods = false)
@Import(StreamsSupportConfiguration.class)
class StreamsConfiguration {

    @Bean
    PlacementDeadlineTopology placementDeadlineTopology(PlacementDeadlineProperties properties) {
        return new PlacementDeadlineTopology(properties.deadline(), properties.placementDeadlineCheck());
    }

    @Bean
    KStream<String, ?> placementDeadlinePipeline(StreamsBuilder builder, PlacementDeadlineTopology topology) {
        return topology.addTo(builder);
    }
}
