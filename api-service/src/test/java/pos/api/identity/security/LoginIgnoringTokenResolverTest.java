package pos.api.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class LoginIgnoringTokenResolverTest {

    private final LoginIgnoringTokenResolver resolver = new LoginIgnoringTokenResolver();
    private final DefaultBearerTokenResolver springDefault = new DefaultBearerTokenResolver();

    @Test
    void readsTheTokenOfABearerHeader() {
        assertThat(resolver.resolve(request("/orders/", "Bearer eyJhbGciOi.J9-_~+/x.sig==")))
                .isEqualTo("eyJhbGciOi.J9-_~+/x.sig==");
        assertThat(resolver.resolve(request("/orders/", "bEARER abc"))).isEqualTo("abc");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(resolver.resolve(request("/orders/", null))).isNull();
        assertThat(resolver.resolve(request("/orders/", "Basic YWRhOnNlY3JldA==")))
                .isNull();
        assertThat(resolver.resolve(request("/orders/", ""))).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer",
                "Bearer ",
                "Bearer  abc",
                "Bearer\tabc",
                "Bearer ==",
                "Bearer a=b",
                "Bearer a b",
                "Bearer abc%",
                "Bearer é",
                "Bearerabc",
                "bearer-token abc"
            })
    void aMalformedBearerHeaderIsAnInvalidToken(String header) {
        assertThatThrownBy(() -> resolver.resolve(request("/orders/", header)))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo("invalid_token");
                    assertThat(e.getError().getDescription()).isEqualTo("Bearer token is malformed");
                });
    }

    @Test
    void theLoginIgnoresTheHeaderEvenAMalformedOne() {
        assertThat(resolver.resolve(request("/auth/login", "Bearer revoked.token")))
                .isNull();
        assertThat(resolver.resolve(request("/auth/login/", "Bearer a=b"))).isNull();
        assertThat(resolver.resolve(request("/auth/register", "Bearer abc"))).isEqualTo("abc");
    }

    /**
     * Against Spring Security's resolver with its defaults, on random headers built from the characters that
     * matter. Headers ending in a line break are left out: Java's {@code $} matches before one, but Tomcat never
     * passes a header value with a line break.
     */
    @Test
    void readsEveryHeaderAsSpringSecuritysDefaultResolverDoes() {
        var random = new Random(42);
        String[] parts = {
            "Bearer ",
            "bearer ",
            "BEARER",
            "Bearer",
            " ",
            "\t",
            "=",
            "==",
            "a",
            "Z",
            "9",
            "-",
            ".",
            "_",
            "~",
            "+",
            "/",
            "%",
            ",",
            "é",
            ":",
            "\"",
            "eyJhbGciOiJSUzI1NiJ9"
        };
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            var header = new StringBuilder(random.nextInt(4) == 0 ? "" : "Bearer ");
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                header.append(parts[random.nextInt(parts.length)]);
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(() -> resolver.resolve(request("/orders/", header))))
                    .as("header [%s]", header)
                    .isEqualTo(outcome(() -> springDefault.resolve(request("/orders/", header))));
        }
    }

    private static String outcome(java.util.function.Supplier<String> resolve) {
        try {
            return "token " + resolve.get();
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }

    private static MockHttpServletRequest request(String path, String authorization) {
        var request = new MockHttpServletRequest("GET", path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
