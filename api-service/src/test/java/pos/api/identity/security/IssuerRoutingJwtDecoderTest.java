package pos.api.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class IssuerRoutingJwtDecoderTest {

    private final JwtDecoder local = token -> decoded("local");
    private final JwtDecoder external = token -> decoded("external");

    @Test
    void sendsOurTokensToOurVerifier() {
        var decoder = new IssuerRoutingJwtDecoder("pos-api", local, external);
        assertThat(decoder.decode(unsigned("pos-api")).getSubject()).isEqualTo("local");
    }

    @Test
    void sendsOtherIssuersToTheExternalDecoder() {
        var decoder = new IssuerRoutingJwtDecoder("pos-api", local, external);
        assertThat(decoder.decode(unsigned("https://keycloak.example/realms/pos"))
                        .getSubject())
                .isEqualTo("external");
    }

    @Test
    void withoutAnExternalIssuerOurVerifierJudgesEveryToken() {
        var decoder = new IssuerRoutingJwtDecoder("pos-api", local, null);
        assertThat(decoder.decode(unsigned("https://evil.example")).getSubject())
                .isEqualTo("local");
    }

    @Test
    void withOnlyAnExternalIssuerItJudgesEveryToken() {
        var decoder = new IssuerRoutingJwtDecoder("pos-api", null, external);
        assertThat(decoder.decode(unsigned("pos-api")).getSubject()).isEqualTo("external");
    }

    @Test
    void refusesGarbageBeforeRouting() {
        var decoder = new IssuerRoutingJwtDecoder("pos-api", local, external);
        assertThatThrownBy(() -> decoder.decode("not-a-jwt")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void needsAtLeastOneVerifier() {
        assertThatThrownBy(() -> new IssuerRoutingJwtDecoder("pos-api", null, null))
                .isInstanceOf(IllegalStateException.class);
    }

    private static String unsigned(String issuer) {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + encoder.encodeToString(("{\"iss\":\"" + issuer + "\"}").getBytes()) + ".";
    }

    private static Jwt decoded(String subject) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).build();
    }
}
