package pos.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pos.api.support.AbstractApiIT;
import pos.testing.ApiClient;
import pos.testing.FreePorts;

/**
 * How docker-compose and Kubernetes run the API: the actuator on a management port of its own, which they do not
 * publish. Prometheus scrapes metrics there without a token; the API's port has no actuator at all.
 */
class ManagementPortIT extends AbstractApiIT {

    private static final int MANAGEMENT_PORT = FreePorts.next();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
    }

    @Test
    void metricsAndProbesAnswerWithoutATokenOnTheManagementPortOnly() throws Exception {
        var metrics = get(MANAGEMENT_PORT, "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes{");
        // ready once the reply feed and the catalog have caught up, which takes a moment on a busy machine
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(get(MANAGEMENT_PORT, "/actuator/health/readiness")
                                .body())
                        .contains("\"status\":\"UP\"")
                        .doesNotContain("components"));
        assertThat(get(MANAGEMENT_PORT, "/actuator/env").status()).isEqualTo(401);

        assertThat(get(port, "/actuator/prometheus").status()).isIn(401, 404);
        assertThat(get(port, "/health").status()).isEqualTo(200);
    }

    private static ApiClient.Response get(int port, String path) {
        return ApiClient.onLocalPort(port).get(path);
    }
}
