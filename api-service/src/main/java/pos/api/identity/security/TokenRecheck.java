package pos.api.identity.security;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies a token as the security filter does on every request (signature or display pairing, expiry, the
 * account behind it through the few-second caches), for what outlives a request: an open order stream asks
 * again every second and ends when the answer turns to no.
 */
public final class TokenRecheck {

    private final JwtDecoder decoder;

    TokenRecheck(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /** Whether the token is still accepted; never throws. */
    public boolean stillValid(String token) {
        try {
            decoder.decode(token);
            return true;
        } catch (JwtException | IllegalArgumentException e) {
            return false;
        }
    }
}
