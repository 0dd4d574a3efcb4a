package pos.api.money;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

/** Registers {@link Decimal}'s JSON binding with the application's JsonMapper (Boot picks up module beans). */
@Configuration(proxyBeanMethods = false)
class MoneyConfiguration {

    @Bean
    JacksonModule decimalJsonModule() {
        return DecimalJson.module();
    }
}
