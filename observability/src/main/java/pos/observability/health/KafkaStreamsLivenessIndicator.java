package pos.observability.health;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * For the liveness probe: DOWN only when the Streams client has failed for good ({@code ERROR}: every stream
 * thread died), which a restart of the process repairs. Starting, rebalancing, a broker outage or a clean
 * shutdown are not reasons to kill the process; readiness reports those.
 */
public class KafkaStreamsLivenessIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean factoryBean;

    public KafkaStreamsLivenessIndicator(StreamsBuilderFactoryBean factoryBean) {
        this.factoryBean = factoryBean;
    }

    @Override
    public Health health() {
        KafkaStreams streams = factoryBean.getKafkaStreams();
        if (streams == null) {
            return Health.up().withDetail("state", "NOT_STARTED").build();
        }
        var state = streams.state();
        var health = state == KafkaStreams.State.ERROR ? Health.down() : Health.up();
        return health.withDetail("state", state.name()).build();
    }
}
