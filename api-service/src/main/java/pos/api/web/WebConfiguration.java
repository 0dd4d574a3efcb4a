package pos.api.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;
import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;

import java.math.BigDecimal;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * The original answered {@code /orders} and {@code /orders/} alike; Spring no longer matches a trailing slash,
     * so the request path is normalised before it reaches security and the controllers.
     */
    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        var registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Money and quantities are decimal strings on the wire that keep their scale ("2.50", never 2.5). */
    @Bean
    JsonMapperBuilderCustomizer decimalsAsStrings() {
        return builder -> builder
                .withConfigOverride(BigDecimal.class,
                        o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
