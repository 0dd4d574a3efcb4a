package pos.api.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature, issuer and audience were verified, until they expire, so a till sending the
 * same token all shift pays for RSA verification and JSON parsing once. What can change while a token lives is
 * still checked on every request: its expiry, and the account behind it ({@link CurrentAccountValidator}, itself
 * cached for a few seconds), so a deactivated user loses access as fast as without this cache. Bounded: when
 * full, expired entries go, and if none had, everything does (tokens are verified again, nothing is lost).
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> perRequest;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier the full verification (signature, claims and every validator) for a token not seen yet
     * @param accounts the account check repeated on every request
     * @param skew     the clock skew the verifier allows on expiry
     */
    public VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> accounts, Duration skew, Clock clock) {
        this.verifier = verifier;
        var timestamps = new JwtTimestampValidator(skew);
        timestamps.setClock(clock);
        this.perRequest = new DelegatingOAuth2TokenValidator<>(timestamps, accounts);
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.get(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            remember(token, jwt);
            return jwt;
        }
        var result = perRequest.validate(known);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException(
                    result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return known;
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            verified.values().removeIf(cached -> cached.getExpiresAt().isBefore(now));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }
}
