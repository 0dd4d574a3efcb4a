package pos.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An external issuer (a stand-in for Keycloak serving its JWKS) configured by properties alone: its tokens are
 * accepted with their realm roles mapped, audience still required, and our own login tokens keep working.
 */
@TestPropertySource(properties = "pos.security.roles-claim=realm_access.roles")
class ExternalIssuerIT extends IdentityITSupport {

    private static final String ISSUER = "http://keycloak.test/realms/pos";
    private static final RSAKey KEYCLOAK_KEY = generate();
    private static HttpServer jwksServer;

    @DynamicPropertySource
    static void externalIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ExternalIssuerIT::serveJwks);
    }

    @AfterAll
    static void stopJwks() {
        if (jwksServer != null) {
            jwksServer.stop(0);
        }
    }

    @Test
    void acceptsItsTokensAndMapsRealmRoles() throws Exception {
        String manager = keycloakToken("pos-api", List.of("manager", "offline_access"));

        var me = api.withToken(manager).get("/users/me");
        assertProblem(me, 404, "User not found");
        assertThat(api.withToken(manager)
                        .send("POST", "/categories", "{}", Map.of())
                        .status())
                .isNotIn(401, 403);
        assertProblem(api.withToken(manager).get("/users"), 403, null);
        assertThat(api.withToken(keycloakToken("pos-api", List.of("admin")))
                        .get("/users")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTokenWithoutRealmRolesGetsNoRole() throws Exception {
        assertProblem(
                api.withToken(keycloakToken("pos-api", List.of("offline_access")))
                        .get("/orders"),
                403,
                null);
    }

    @Test
    void stillRequiresOurAudience() throws Exception {
        assertProblem(api.withToken(keycloakToken("account", List.of("admin"))).get("/users/me"), 401, "Invalid token");
    }

    @Test
    void stillAcceptsOurOwnTokens() {
        var user = accounts.create(Role.USER);
        assertThat(api.withToken(login(user.username(), TestAccounts.PASSWORD))
                        .get("/users/me")
                        .status())
                .isEqualTo(200);
    }

    private static String keycloakToken(String audience, List<String> realmRoles) throws Exception {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")
                .claim("preferred_username", "kc-user")
                .claim("realm_access", Map.of("roles", realmRoles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build();
        return ForgedTokens.rs256(claims, KEYCLOAK_KEY);
    }

    private static synchronized String serveJwks() {
        if (jwksServer == null) {
            try {
                jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] body = new JWKSet(KEYCLOAK_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            jwksServer.createContext("/protocol/openid-connect/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwksServer.start();
        }
        return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/protocol/openid-connect/certs";
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("keycloak-key").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
