package pos.api.identity.token;

import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies the tokens this service issued: RS256 with our public key only (so {@code alg: none}, HS256 and other
 * keys are refused), then expiry (60 s skew), issuer, audience and the account behind the token. A token verified
 * once is remembered until it expires ({@link VerifiedTokenCache}); expiry and the account are checked every time.
 *
 * <p>Deliberately not a {@link JwtDecoder} bean: Spring Boot then still builds its own decoder when an external
 * issuer is configured, and both can be used side by side.
 */
public final class LocalTokenVerifier {

    private final String issuer;
    private final JwtDecoder decoder;

    /** What {@link JwtValidators#createDefaultWithIssuer} allows: tokens of a clock a minute ahead or behind. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    public LocalTokenVerifier(
            SigningKey key, String issuer, String audience, CurrentAccountValidator accounts, Clock clock) {
        this.issuer = issuer;
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), new JwtAudienceValidator(audience), accounts));
        this.decoder = new VerifiedTokenCache(nimbus, accounts, CLOCK_SKEW, clock);
    }

    public String issuer() {
        return issuer;
    }

    public JwtDecoder decoder() {
        return decoder;
    }
}
