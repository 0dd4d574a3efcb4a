package pos.api.kitchen;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pos.api.support.AbstractApiIT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The kitchen display page and its assets are public, served by the API only, under a strict CSP; the feed is not. */
class KitchenPageIT extends AbstractApiIT {

    static final String STORE = "65c0ffee00000000000000a1";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void thePageComesWithAStrictContentSecurityPolicyAndOnlyItsOwnAssets() throws Exception {
        var page = get("/stores/" + STORE + "/kitchen", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "http");
        assertThat(page.body()).contains("/kitchen/kitchen.js", "/kitchen/kitchen.css")
                .doesNotContain("http://", "https://", "<script>", "style=");

        var script = get("/kitchen/kitchen.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("Last-Event-ID").doesNotContain("http://", "https://");
        assertThat(get("/kitchen/kitchen.css", null).statusCode()).isEqualTo(200);
    }

    @Test
    void nothingElseNewIsAnonymous() throws Exception {
        assertThat(get("/stores/not-an-id/kitchen", null).statusCode()).isEqualTo(400);
        assertThat(get("/stores/" + STORE + "/orders/stream", null).statusCode()).isEqualTo(401);
        assertThat(get("/stores/" + STORE + "/displays", null).statusCode()).isEqualTo(401);
        assertThat(get("/stores/" + STORE + "/orders/stream", "pdt_unknown").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
