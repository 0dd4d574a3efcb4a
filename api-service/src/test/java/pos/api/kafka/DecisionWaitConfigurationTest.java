package pos.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;

class DecisionWaitConfigurationTest {

    static final class Probe extends AsyncSupportConfigurer {

        Long timeout() {
            return getTimeout();
        }
    }

    @Test
    void asyncRequestsOutlastTheDecisionTimeout() {
        var beans = new StaticListableBeanFactory(Map.of(
                "commandProperties",
                new CommandProperties(Duration.ofSeconds(10), Duration.ofSeconds(45), 256, Duration.ofSeconds(30))));
        var probe = new Probe();
        new DecisionWaitConfiguration(beans.getBeanProvider(CommandProperties.class)).configureAsyncSupport(probe);

        assertThat(probe.timeout()).isEqualTo(Duration.ofSeconds(75).toMillis());
    }

    @Test
    void withoutCommandPropertiesTheContainerDefaultStays() {
        var probe = new Probe();
        new DecisionWaitConfiguration(new StaticListableBeanFactory().getBeanProvider(CommandProperties.class))
                .configureAsyncSupport(probe);

        assertThat(probe.timeout()).isNull();
    }
}
