package pos.api.kafka;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The cheap refusal of commands under overload runs right after the request guard and the trailing-slash
 * normalisation, before Spring Security.
 */
@Configuration(proxyBeanMethods = false)
class CommandAdmissionConfiguration {

    @Bean
    FilterRegistrationBean<CommandAdmissionFilter> commandAdmissionFilter(CommandReplies replies) {
        var registration = new FilterRegistrationBean<>(new CommandAdmissionFilter(replies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
