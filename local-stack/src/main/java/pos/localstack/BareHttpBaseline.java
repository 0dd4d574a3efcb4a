package pos.localstack;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bare Spring MVC JSON endpoint, {@code GET /bare}, for the benchmark's same-run baseline: Tomcat, the dispatcher
 * servlet and Jackson, nothing else (no security, no filters, no tracing, no actuator). It runs in the stack's JVM
 * when {@code POS_BARE_BASELINE_PORT} is set (run-benchmark.sh sets it), so it shares that JVM's JIT, GC and CPU
 * measurement with the API it is compared with. Listens on loopback only.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class
})
@RestController
class BareHttpBaseline {

    private static final Map<String, String> OK = Map.of("status", "ok");

    @GetMapping("/bare")
    Map<String, String> bare() {
        return OK;
    }

    static ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(BareHttpBaseline.class)
                .web(WebApplicationType.SERVLET)
                .registerShutdownHook(false)
                .properties(Map.of(
                        "server.port",
                        port,
                        "server.address",
                        "127.0.0.1",
                        "spring.config.name",
                        "bare-baseline",
                        "spring.main.banner-mode",
                        "off",
                        "logging.include-application-name",
                        "false"))
                .run();
    }
}
