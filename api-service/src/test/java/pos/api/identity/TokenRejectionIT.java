package pos.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import pos.api.identity.token.SigningKey;

/** Every kind of bad token is a 401 problem with a Bearer challenge; a well-made one passes. */
class TokenRejectionIT extends IdentityITSupport {

    @Autowired
    SigningKey signingKey;

    private TestAccounts.Account user;

    @BeforeAll
    void user() {
        user = accounts.create(Role.USER);
    }

    @Test
    void aWellMadeTokenPasses() throws Exception {
        var response = api.withToken(ForgedTokens.rs256(claims().build(), signingKey.jwk()))
                .get("/users/me");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void noTokenAnswersNotAuthenticatedWithABearerChallenge() {
        var response = api.get("/users/me");
        assertProblem(response, 401, "Not authenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badTokens() {
        return Stream.of(
                arguments("expired", (Forger) t -> t.sign(t.claims()
                        .issueTime(ago(Duration.ofHours(2)))
                        .expirationTime(ago(Duration.ofMinutes(10)))
                        .build())),
                arguments("tampered payload", (Forger)
                        t -> ForgedTokens.tamper(t.sign(t.claims().build()))),
                arguments("signed with another RSA key", (Forger) t -> ForgedTokens.rs256(
                        t.claims().build(),
                        new RSAKeyGenerator(2048).keyID(t.signingKey.keyId()).generate())),
                arguments("alg none", (Forger) t -> new PlainJWT(t.claims().build()).serialize()),
                arguments("HS256", (Forger) t -> ForgedTokens.hs256(t.claims().build())),
                arguments("wrong issuer", (Forger)
                        t -> t.sign(t.claims().issuer("https://evil.example").build())),
                arguments("wrong audience", (Forger)
                        t -> t.sign(t.claims().audience("other-api").build())),
                arguments("no audience", (Forger)
                        t -> t.sign(t.claims().audience((String) null).build())),
                arguments("unknown subject", (Forger) t ->
                        t.sign(t.claims().subject(new ObjectId().toHexString()).build())),
                arguments("roles the user does not have", (Forger)
                        t -> t.sign(t.claims().claim("roles", List.of("admin")).build())),
                arguments("malformed", (Forger) t -> "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesBadTokens(String kind, Forger forger) throws Exception {
        var response = api.withToken(forger.forge(this)).get("/users/me");
        assertProblem(response, 401, "Invalid token");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
    }

    @Test
    void aBadTokenIsRefusedEvenOnPublicEndpoints() throws Exception {
        var response = api.withToken(new PlainJWT(claims().build()).serialize()).get("/categories");
        assertProblem(response, 401, "Invalid token");
    }

    JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("pos-api")
                .audience("pos-api")
                .subject(user.id())
                .claim("username", user.username())
                .claim("roles", List.of("user"))
                .claim("store_ids", List.of())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString());
    }

    String sign(JWTClaimsSet claims) throws JOSEException {
        return ForgedTokens.rs256(claims, signingKey.jwk());
    }

    private static Date ago(Duration duration) {
        return Date.from(Instant.now().minus(duration));
    }

    @FunctionalInterface
    interface Forger {
        String forge(TokenRejectionIT test) throws Exception;
    }
}
