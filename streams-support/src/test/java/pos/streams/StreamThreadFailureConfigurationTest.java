package pos.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailureConfigurationTest {

    @Test
    void replacesAFailedStreamThreadRatherThanStoppingTheService() {
        assertThat(StreamThreadFailureConfiguration.replaceThread(new IllegalStateException("broker gone")))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
