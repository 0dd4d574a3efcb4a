package pos.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import pos.api.identity.Role;
import pos.api.identity.TestAccounts;
import pos.api.support.AbstractApiIT;
import pos.testing.ApiClient;

/**
 * Probes as an orchestrator sees them (no token, the right contributors) and metrics as an admin sees them on the
 * API's port (Prometheus scrapes a management port that deployments do not publish).
 */
class OperationsEndpointsIT extends AbstractApiIT {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpoint health;

    @Test
    void readinessNeedsMongoAndKafkaAndLivenessNeitherOfThem() {
        var readiness = health.healthForPath("readiness");
        var liveness = health.healthForPath("liveness");

        assertThat(readiness.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.healthForPath("readiness", "mongo")).isNotNull();
        assertThat(health.healthForPath("readiness", "kafka")).isNotNull();
        assertThat(health.healthForPath("readiness", "replyFeed"))
                .as("the command reply feed")
                .isNotNull();
        assertThat(liveness.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.healthForPath("liveness", "mongo")).isNull();
        assertThat(health.healthForPath("liveness", "kafka")).isNull();
    }

    @Autowired
    ApplicationContext context;

    @Test
    void probesNeedNoTokenAndShowNoDetails() throws Exception {
        var readiness = get("/actuator/health/readiness", null).body();
        assertThat(get("/actuator/health/liveness", null).body()).contains("\"status\":\"UP\"");
        assertThat(readiness).contains("\"status\":\"UP\"").doesNotContain("components", "mongo", "kafka");
    }

    @Test
    void metricsNeedAnAdminsToken() throws Exception {
        var accounts = TestAccounts.of(context);
        assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", accounts.create(Role.MANAGER).token())
                        .status())
                .isEqualTo(403);

        var metrics = get("/actuator/prometheus", accounts.create(Role.ADMIN).token());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "jvm_memory_used_bytes{",
                        "application=\"api-service\"",
                        "kafka_consumer_",
                        "pos_idempotency_replays_total");
    }

    private ApiClient.Response get(String path, String token) {
        return ApiClient.onLocalPort(port).withToken(token).get(path);
    }
}
