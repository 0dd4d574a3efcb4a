package pos.api.web;

import java.util.Arrays;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;
import tools.jackson.databind.DeserializationFeature;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Oversized bodies and unreadable Content-Types are refused first, before security reads anything. */
    @Bean
    FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(WebProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestGuardFilter(properties));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ClientAddresses clientAddresses(WebProperties properties) {
        return new ClientAddresses(properties.trustedProxies());
    }

    /**
     * Tomcat's own error answers (malformed request line or URI, oversized or malformed headers) as problem+json.
     */
    @Bean
    ProblemErrorReports problemErrorReports() {
        return new ProblemErrorReports();
    }

    /**
     * The original answered {@code /orders} and {@code /orders/} alike; Spring no longer matches a trailing slash,
     * so the request path is normalised before it reaches security and the controllers.
     */
    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        var registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Replaces the HTML ErrorReportValve Boot's own Tomcat customizer installs on the host with
     * {@link ProblemErrorReportValve}; ordered last so it runs after Boot's. Setting the host's error report valve
     * class keeps Tomcat from adding its default one when the host starts.
     */
    static final class ProblemErrorReports
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                var host = context.getParent();
                Arrays.stream(host.getPipeline().getValves())
                        .filter(ErrorReportValve.class::isInstance)
                        .forEach(host.getPipeline()::removeValve);
                if (host instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** JSON numbers in requests are read exactly; writing is {@link PlainDecimalJson}'s job. */
    @Bean
    JsonMapperBuilderCustomizer exactDecimals() {
        return builder -> builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Arrays in request bodies are bounded (see {@link BoundedCollectionsJson}). */
    @Bean
    JsonMapperBuilderCustomizer boundedCollections() {
        return builder -> builder.addModule(BoundedCollectionsJson.module());
    }
}
