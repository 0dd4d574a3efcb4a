package pos.observability.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Readiness follows the Streams client: only a running (or rebalancing) client is ready. */
class KafkaStreamsReadinessIndicatorTest {

    private final StreamsBuilderFactoryBean factoryBean = mock(StreamsBuilderFactoryBean.class);
    private final KafkaStreamsReadinessIndicator indicator = new KafkaStreamsReadinessIndicator(factoryBean);

    @Test
    void notReadyBeforeTheClientExists() {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "CREATED, OUT_OF_SERVICE",
        "REBALANCING, UP",
        "RUNNING, UP",
        "PENDING_SHUTDOWN, DOWN",
        "NOT_RUNNING, DOWN",
        "PENDING_ERROR, DOWN",
        "ERROR, DOWN"
    })
    void readyOnlyWhileRunningOrRebalancing(KafkaStreams.State state, String expected) {
        var streams = mock(KafkaStreams.class);
        when(streams.state()).thenReturn(state);
        when(factoryBean.getKafkaStreams()).thenReturn(streams);

        var health = indicator.health();

        assertThat(health.getStatus().getCode()).isEqualTo(expected);
        assertThat(health.getDetails()).containsEntry("state", state.name());
    }
}
