package pos.observability.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Liveness fails only for a client that failed for good: restarting the process is then the cure. */
class KafkaStreamsLivenessIndicatorTest {

    private final StreamsBuilderFactoryBean factoryBean = mock(StreamsBuilderFactoryBean.class);
    private final KafkaStreamsLivenessIndicator indicator = new KafkaStreamsLivenessIndicator(factoryBean);

    @Test
    void aliveWhileStarting() {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @ParameterizedTest
    @EnumSource(value = KafkaStreams.State.class, names = "ERROR", mode = EnumSource.Mode.EXCLUDE)
    void aliveInEveryStateButError(KafkaStreams.State state) {
        assertThat(healthIn(state)).isEqualTo(Status.UP);
    }

    @Test
    void deadInError() {
        assertThat(healthIn(KafkaStreams.State.ERROR)).isEqualTo(Status.DOWN);
    }

    private Status healthIn(KafkaStreams.State state) {
        var streams = mock(KafkaStreams.class);
        when(streams.state()).thenReturn(state);
        when(factoryBean.getKafkaStreams()).thenReturn(streams);
        return indicator.health().getStatus();
    }
}
