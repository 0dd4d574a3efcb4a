package pos.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what, with real tokens from our issuer. Endpoints of other features may not exist in this build:
 * for them only the security decision is asserted (let through = neither 401 nor 403, and never a 500).
 */
class AccessMatrixIT extends IdentityITSupport {

    enum Caller {
        ANONYMOUS,
        USER,
        MANAGER,
        ADMIN
    }

    /** OK: 2xx. THROUGH: security lets it pass (any status but 401/403/5xx). */
    enum Outcome {
        OK,
        THROUGH,
        UNAUTHORIZED,
        FORBIDDEN
    }

    private static final String STORE = "65c0ffee0000000000000001";
    private static final String ID = "65c0ffee00000000000000ab";

    /** Method, path, body, then the outcome for anonymous, user, manager, admin. */
    private static final List<Object[]> MATRIX = List.of(
            row("GET", "/health", null, "OK OK OK OK"),
            row("GET", "/actuator/health", null, "OK OK OK OK"),
            row("GET", "/actuator/info", null, "OK OK OK OK"),
            row("GET", "/actuator/health/liveness", null, "OK OK OK OK"),
            row("GET", "/actuator/health/readiness", null, "OK OK OK OK"),
            row("GET", "/actuator/prometheus", null, "UNAUTHORIZED FORBIDDEN FORBIDDEN OK"),
            row("GET", "/actuator/env", null, "UNAUTHORIZED FORBIDDEN FORBIDDEN THROUGH"),
            row("POST", "/auth/register", "{register}", "OK OK OK OK"),
            row("POST", "/auth/login/", "{login}", "OK OK OK OK"),
            row("GET", "/.well-known/jwks.json", null, "OK OK OK OK"),
            row("GET", "/openapi.json", null, "OK OK OK OK"),
            row("GET", "/openapi.json/swagger-config", null, "OK OK OK OK"),
            row("GET", "/asyncapi.yaml", null, "OK OK OK OK"),
            row("GET", "/asyncapi.json", null, "OK OK OK OK"),
            row("GET", "/docs", null, "THROUGH THROUGH THROUGH THROUGH"),
            row("GET", "/redoc", null, "OK OK OK OK"),
            row("GET", "/swagger-ui/index.html", null, "THROUGH THROUGH THROUGH THROUGH"),
            row("GET", "/webjars/redoc/2.1.4/bundles/redoc.standalone.js", null, "OK OK OK OK"),
            row("GET", "/categories/", null, "THROUGH THROUGH THROUGH THROUGH"),
            row("GET", "/categories/combo", null, "THROUGH THROUGH THROUGH THROUGH"),
            row("GET", "/categories/" + ID, null, "THROUGH THROUGH THROUGH THROUGH"),
            row("GET", "/products/", null, "THROUGH THROUGH THROUGH THROUGH"),
            row("GET", "/products/" + ID, null, "THROUGH THROUGH THROUGH THROUGH"),
            row("GET", "/schemas/order-event", null, "THROUGH THROUGH THROUGH THROUGH"),
            row("POST", "/categories/", "{}", "UNAUTHORIZED FORBIDDEN THROUGH THROUGH"),
            row("PUT", "/categories/" + ID, "{}", "UNAUTHORIZED FORBIDDEN THROUGH THROUGH"),
            row("PATCH", "/categories/" + ID, "{}", "UNAUTHORIZED FORBIDDEN THROUGH THROUGH"),
            row("DELETE", "/categories/" + ID, null, "UNAUTHORIZED FORBIDDEN THROUGH THROUGH"),
            row("POST", "/products/", "{}", "UNAUTHORIZED FORBIDDEN THROUGH THROUGH"),
            row("PATCH", "/products/" + ID, "{}", "UNAUTHORIZED FORBIDDEN THROUGH THROUGH"),
            row("DELETE", "/products/" + ID, null, "UNAUTHORIZED FORBIDDEN THROUGH THROUGH"),
            row("POST", "/products/NOPE-20260205-A3B7/regenerate-sku", null, "UNAUTHORIZED FORBIDDEN THROUGH THROUGH"),
            row("POST", "/stores/" + STORE + "/inventory/adjust", "{}", "UNAUTHORIZED FORBIDDEN THROUGH THROUGH"),
            row("GET", "/stores/" + STORE + "/inventory", null, "UNAUTHORIZED THROUGH THROUGH THROUGH"),
            row("GET", "/stores/" + STORE + "/inventory/" + ID, null, "UNAUTHORIZED THROUGH THROUGH THROUGH"),
            row("POST", "/orders/", "{}", "UNAUTHORIZED THROUGH THROUGH THROUGH"),
            row("GET", "/orders/", null, "UNAUTHORIZED THROUGH THROUGH THROUGH"),
            row("GET", "/orders/" + ID, null, "UNAUTHORIZED THROUGH THROUGH THROUGH"),
            row("PATCH", "/orders/" + ID + "/status", "{}", "UNAUTHORIZED THROUGH THROUGH THROUGH"),
            row("GET", "/users/me", null, "UNAUTHORIZED OK OK OK"),
            row("GET", "/users/me/", null, "UNAUTHORIZED OK OK OK"),
            row("GET", "/users/{self}", null, "UNAUTHORIZED OK OK OK"),
            row("GET", "/users/{other}", null, "UNAUTHORIZED FORBIDDEN FORBIDDEN OK"),
            row("GET", "/users/", null, "UNAUTHORIZED FORBIDDEN FORBIDDEN OK"),
            row("GET", "/users", null, "UNAUTHORIZED FORBIDDEN FORBIDDEN OK"),
            row("PATCH", "/users/{other}", "{\"name\": \"Renamed\"}", "UNAUTHORIZED FORBIDDEN FORBIDDEN OK"),
            row("DELETE", "/users/{victim}", null, "UNAUTHORIZED FORBIDDEN FORBIDDEN OK"),
            row("GET", "/no/such/thing", null, "UNAUTHORIZED THROUGH THROUGH THROUGH"));

    private final Map<Caller, TestAccounts.Account> callers = new java.util.EnumMap<>(Caller.class);
    private TestAccounts.Account other;

    @BeforeAll
    void callers() {
        callers.put(Caller.USER, accounts.create(Role.USER));
        callers.put(Caller.MANAGER, accounts.create(Role.MANAGER));
        callers.put(Caller.ADMIN, accounts.create(Role.ADMIN));
        other = accounts.create(Role.USER);
    }

    static Stream<Arguments> matrix() {
        var cases = new ArrayList<Arguments>();
        for (Object[] row : MATRIX) {
            String[] outcomes = ((String) row[3]).split(" ");
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(row[0], row[1], row[2], caller, Outcome.valueOf(outcomes[caller.ordinal()])));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{3} {0} {1} -> {4}")
    @MethodSource("matrix")
    void enforcesTheRoleMatrix(String method, String path, String body, Caller caller, Outcome expected) {
        var account = callers.get(caller);
        var response = api.withToken(account == null ? null : account.token())
                .send(method, resolve(path, account), resolveBody(body, account), Map.of());

        switch (expected) {
            case OK -> assertThat(response.status()).as(response.body()).isBetween(200, 299);
            case THROUGH ->
                assertThat(response.status())
                        .as(response.body())
                        .isNotIn(401, 403)
                        .isLessThan(500);
            case UNAUTHORIZED -> {
                assertThat(response.status()).as(response.body()).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            }
            case FORBIDDEN -> assertThat(response.status()).as(response.body()).isEqualTo(403);
        }
        if (response.status() == 401 || response.status() == 403) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    private String resolve(String path, TestAccounts.Account caller) {
        return path.replace("{self}", caller == null ? other.id() : caller.id())
                .replace("{other}", other.id())
                .replace(
                        "{victim}",
                        path.contains("{victim}") ? accounts.create(Role.USER).id() : "");
    }

    private String resolveBody(String body, TestAccounts.Account caller) {
        if ("{register}".equals(body)) {
            String username = unique("matrix");
            return "{\"name\":\"M\",\"email\":\"" + username + "@example.com\",\"username\":\"" + username
                    + "\",\"password\":\"secret1\"}";
        }
        if ("{login}".equals(body)) {
            var who = caller == null ? other : caller;
            return "{\"username\":\"" + who.username() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        }
        return body;
    }

    private static Object[] row(String method, String path, String body, String outcomes) {
        return new Object[] {method, path, body, outcomes};
    }
}
