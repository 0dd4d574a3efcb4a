package pos.api.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pos.api.support.AbstractApiIT;
import pos.testing.ApiClient;

/** The kitchen display page and its assets are public, served by the API only, under a strict CSP; the feed is not. */
class KitchenPageIT extends AbstractApiIT {

    static final String STORE = "65c0ffee00000000000000a1";

    @LocalServerPort
    int port;

    @Test
    void thePageComesWithAStrictContentSecurityPolicyAndOnlyItsOwnAssets() throws Exception {
        var page = get("/stores/" + STORE + "/kitchen", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "http");
        assertThat(page.body())
                .contains("/kitchen/kitchen.js", "/kitchen/kitchen.css")
                .doesNotContain("http://", "https://", "<script>", "style=");

        var script = get("/kitchen/kitchen.js", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("Last-Event-ID").doesNotContain("http://", "https://");
        assertThat(get("/kitchen/kitchen.css", null).status()).isEqualTo(200);
    }

    @Test
    void nothingElseNewIsAnonymous() throws Exception {
        assertThat(get("/stores/not-an-id/kitchen", null).status()).isEqualTo(400);
        assertThat(get("/stores/" + STORE + "/orders/stream", null).status()).isEqualTo(401);
        assertThat(get("/stores/" + STORE + "/displays", null).status()).isEqualTo(401);
        assertThat(get("/stores/" + STORE + "/orders/stream", "pdt_unknown").status())
                .isEqualTo(401);
    }

    private ApiClient.Response get(String path, String token) {
        return ApiClient.onLocalPort(port).withToken(token).get(path);
    }
}
