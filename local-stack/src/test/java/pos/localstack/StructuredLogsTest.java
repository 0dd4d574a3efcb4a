package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** LOGGING_STRUCTURED_FORMAT_CONSOLE switches the local stack's services from text lines to JSON lines. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @Configuration(proxyBeanMethods = false)
    static class NothingToConfigure {}

    @Test
    void withoutTheSwitchTheServicesKeepTheTextLogback() {
        assertThat(LocalStack.loggingProperties(Map.of())).isEmpty();
        assertThat(LocalStack.loggingProperties(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", " ")))
                .isEmpty();
    }

    @Test
    void anExplicitLoggingConfigWins() {
        assertThat(LocalStack.loggingProperties(Map.of(
                        "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs", "LOGGING_CONFIG", "file:/etc/pos/logback.xml")))
                .isEmpty();
    }

    @Test
    void theSwitchMakesEveryLineAJsonObjectWithTheTraceId(CapturedOutput output) {
        var properties = new HashMap<String, Object>(
                LocalStack.loggingProperties(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")));
        properties.put("spring.main.banner-mode", "off");
        try (var context = new SpringApplicationBuilder(NothingToConfigure.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run()) {
            MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
            try {
                LoggerFactory.getLogger(StructuredLogsTest.class).info("structured hello");
            } finally {
                MDC.remove("traceId");
            }
        } finally {
            // later tests in this JVM log as text again
            new SpringApplicationBuilder(NothingToConfigure.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.main.banner-mode=off")
                    .run()
                    .close();
        }

        var line = output.getOut()
                .lines()
                .filter(l -> l.contains("structured hello"))
                .findFirst()
                .orElseThrow();
        var json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("structured hello");
        assertThat(json.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(json.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
