package pos.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pos.api.support.AbstractApiIT;
import pos.testing.ApiClient;

class ApiServiceApplicationIT extends AbstractApiIT {

    @LocalServerPort
    int port;

    @Test
    void answersTheOriginalHealthCheck() throws Exception {
        var response = ApiClient.onLocalPort(port).get("/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }
}
