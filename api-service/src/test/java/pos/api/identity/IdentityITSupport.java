package pos.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import pos.api.identity.account.MongoUserAccounts;
import pos.api.identity.token.AccessTokens;
import pos.api.support.AbstractApiIT;
import pos.testing.ApiClient;

/** Shared set-up of the identity ITs: an HTTP client on the random port and fixture accounts per role. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdentityITSupport extends AbstractApiIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoUserAccounts userAccounts;

    @Autowired
    AccessTokens accessTokens;

    @Autowired
    PasswordEncoder passwordEncoder;

    ApiClient api;
    TestAccounts accounts;

    @BeforeAll
    void client() {
        api = ApiClient.onLocalPort(port);
        accounts = new TestAccounts(userAccounts, accessTokens, passwordEncoder);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static Map<String, Object> registration(String username, String password) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "Name of " + username);
        body.put("email", username + "@example.com");
        body.put("username", username);
        body.put("password", password);
        return body;
    }

    ApiClient.Response register(Map<String, Object> body, String token) {
        return api.withToken(token).post("/auth/register", body);
    }

    String login(String username, String password) {
        var response = api.post("/auth/login", Map.of("username", username, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("access_token").asString();
    }

    static void assertProblem(ApiClient.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (detail != null) {
            assertThat(response.json().get("detail").asString()).isEqualTo(detail);
        }
    }
}
