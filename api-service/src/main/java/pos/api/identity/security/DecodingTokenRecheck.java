package pos.api.identity.security;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import pos.api.identity.TokenRecheck;

/** {@link TokenRecheck} with the very decoder the security filter chain verifies each request's token with. */
final class DecodingTokenRecheck implements TokenRecheck {

    private final JwtDecoder decoder;

    DecodingTokenRecheck(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    JwtDecoder decoder() {
        return decoder;
    }

    @Override
    public boolean stillValid(String token) {
        try {
            decoder.decode(token);
            return true;
        } catch (JwtException | IllegalArgumentException e) {
            return false;
        }
    }
}
