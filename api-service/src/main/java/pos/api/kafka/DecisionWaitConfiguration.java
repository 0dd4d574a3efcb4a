package pos.api.kafka;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request waiting for a processor's decision is a Servlet async request. Its own timeout (Tomcat's default is
 * 30 s) must outlast the configured decision timeout, after which the API answers 202 by itself; otherwise a
 * longer {@code POS_DECISION_TIMEOUT} would turn waits into 503s. The margin covers the work after the decision
 * (a MongoDB write and the answer). Web slice tests, which have no command properties, keep the container's
 * default.
 */
@Configuration(proxyBeanMethods = false)
class DecisionWaitConfiguration implements WebMvcConfigurer {

    static final Duration MARGIN = Duration.ofSeconds(30);

    private final ObjectProvider<CommandProperties> properties;

    DecisionWaitConfiguration(ObjectProvider<CommandProperties> properties) {
        this.properties = properties;
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        properties.ifAvailable(p ->
                configurer.setDefaultTimeout(p.decisionTimeout().plus(MARGIN).toMillis()));
    }
}
