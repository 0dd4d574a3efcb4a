package pos.orderprocessor.config;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import pos.orderprocessor.topology.PlacementDeadlineTopology;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    private static final Log LOG = LogFactory.getLog(StreamsConfiguration.class);

    @Bean
    PlacementDeadlineTopology placementDeadlineTopology(PlacementDeadlineProperties properties) {
        return new PlacementDeadlineTopology(properties.deadline(), properties.placementDeadlineCheck());
    }

    @Bean
    KStream<String, ?> placementDeadlinePipeline(StreamsBuilder builder, PlacementDeadlineTopology topology) {
        return topology.addTo(builder);
    }

    /**
     * Poison records never reach this handler (they go to the dead-letter topics), so what does is infrastructure
     * trouble: a fresh thread retries from the last committed offsets instead of the whole service stopping.
     * Leaving the group on close lets a restarted instance (local-stack restarts in-process) get its tasks at once.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
        return factoryBean -> {
            factoryBean.setStreamsUncaughtExceptionHandler(exception -> {
                LOG.error("Stream thread failed; replacing it", exception);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            factoryBean.setLeaveGroupOnClose(true);
        };
    }
}
