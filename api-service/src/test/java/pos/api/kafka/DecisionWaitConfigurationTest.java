package pos.api.kafka;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionWaitConfigurationTest {

    static final class Probe extends AsyncSupportConfigurer {

        Long timeout() {
            return getTimeout();
        }
    }

    @Test
    void asyncRequestsOutlastTheDecisionTimeout() {
        var probe = new Probe();
        new DecisionWaitConfiguration(new CommandProperties(Duration.ofSeconds(10), Duration.ofSeconds(45)))
                .configureAsyncSupport(probe);

        assertThat(probe.timeout()).isEqualTo(Duration.ofSeconds(75).toMillis());
    }
}
