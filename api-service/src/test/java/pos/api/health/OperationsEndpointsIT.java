package pos.api.health;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.web.server.LocalServerPort;
import pos.api.support.AbstractApiIT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes and metrics as an orchestrator and Prometheus see them: no token, the right contributors. */
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
        assertThat(health.healthForPath("readiness", "replyFeed")).as("the command reply feed").isNotNull();
        assertThat(liveness.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.healthForPath("liveness", "mongo")).isNull();
        assertThat(health.healthForPath("liveness", "kafka")).isNull();
    }

    @Test
    void probesAndMetricsNeedNoToken() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");

        var metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes{", "application=\"api-service\"",
                "kafka_consumer_", "pos_idempotency_replays_total");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
