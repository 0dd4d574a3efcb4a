package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import pos.testing.FreePorts;

/** The benchmark's bare baseline is bare: JSON from Spring MVC, with no security, actuator or filter of ours. */
class BareHttpBaselineTest {

    @Test
    void answersJsonWithoutATokenAndHasNothingElse() throws Exception {
        int port = FreePorts.next();
        try (var context = BareHttpBaseline.start(port)) {
            var http = HttpClient.newHttpClient();
            var bare = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bare"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var actuator = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(bare.statusCode()).isEqualTo(200);
            assertThat(bare.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(bare.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(actuator.statusCode()).isEqualTo(404);
            // what every Spring MVC application has, and nothing of ours or of security
            assertThat(context.getBeanNamesForType(jakarta.servlet.Filter.class))
                    .containsOnly("requestContextFilter", "formContentFilter");
        }
    }
}
