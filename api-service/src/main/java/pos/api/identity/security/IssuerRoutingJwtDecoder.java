package pos.api.identity.security;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Sends our own tokens (by their {@code iss}) to our verifier and every other token to the external issuer's
 * decoder, when one is configured. Each decoder checks signature and issuer itself; the unverified {@code iss}
 * only picks which one does the checking.
 */
final class IssuerRoutingJwtDecoder implements JwtDecoder {

    private final String localIssuer;
    private final JwtDecoder local;
    private final JwtDecoder external;

    /** Either decoder may be null, not both. */
    IssuerRoutingJwtDecoder(String localIssuer, JwtDecoder local, JwtDecoder external) {
        if (local == null && external == null) {
            throw new IllegalStateException("No way to verify tokens: neither a signing key nor an external issuer");
        }
        this.localIssuer = localIssuer;
        this.local = local;
        this.external = external;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (local == null) {
            return external.decode(token);
        }
        if (external == null || localIssuer.equals(unverifiedIssuer(token))) {
            return local.decode(token);
        }
        return external.decode(token);
    }

    private static String unverifiedIssuer(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("Malformed token", e);
        }
    }
}
