package pos.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import pos.api.support.AbstractApiIT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ApiServiceApplicationIT extends AbstractApiIT {

    @LocalServerPort
    int port;
    @Autowired
    FilterChainProxy security;

    @Test
    void answersTheOriginalHealthCheck() throws Exception {
        var response = get("/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void theHealthCheckPassesThroughNoAuthenticationFiltersAndIgnoresTokens() throws Exception {
        var filters = filtersFor(new MockHttpServletRequest("GET", "/health"));
        assertThat(filters).contains(HeaderWriterFilter.class)
                .doesNotContain(BearerTokenAuthenticationFilter.class, AnonymousAuthenticationFilter.class);
        assertThat(get("/health", "not-a-token").statusCode()).isEqualTo(200);

        // every other request still authenticates: a broken token is refused, also on a public endpoint
        var others = filtersFor(new MockHttpServletRequest("GET", "/orders/"));
        assertThat(others).contains(BearerTokenAuthenticationFilter.class);
        assertThat(get("/orders/", "not-a-token").statusCode()).isEqualTo(401);
    }

    private java.util.List<Class<?>> filtersFor(MockHttpServletRequest request) {
        return security.getFilterChains().stream().filter(chain -> chain.matches(request)).findFirst().orElseThrow()
                .getFilters().stream().<Class<?>>map(Object::getClass).toList();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
