package pos.api.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTest {

    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    final AtomicInteger verifications = new AtomicInteger();
    final AtomicBoolean accountActive = new AtomicBoolean(true);
    final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("u1")
                .issuedAt(NOW.minusSeconds(60))
                .expiresAt(NOW.plusSeconds(3600))
                .build();
    };

    @Test
    void verifiesATokenOnceWhileItLives() {
        var cache = cache(NOW);

        for (int i = 0; i < 5; i++) {
            assertThat(cache.decode("token-1").getSubject()).isEqualTo("u1");
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aDeactivatedAccountLosesACachedTokenAtOnce() {
        var cache = cache(NOW);
        cache.decode("token-1");
        accountActive.set(false);

        assertThatThrownBy(() -> cache.decode("token-1"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("deactivated");
        accountActive.set(true);
        cache.decode("token-1");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsRefusedEvenWhenCached() {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        var cache = new VerifiedTokenCache(verifier, this::account, Duration.ofSeconds(60), new Clock() {
            public Instant instant() {
                return clock.get();
            }

            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        cache.decode("token-1");
        clock.set(NOW.plusSeconds(3600 + 61));

        assertThatThrownBy(() -> cache.decode("token-1")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void neverRemembersATokenThatFailedVerification() {
        var cache = cache(NOW);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.decode("bad-token")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysBoundedHoweverManyTokens() {
        var cache = cache(NOW);
        for (int i = 0; i <= VerifiedTokenCache.MAX_ENTRIES + 10; i++) {
            cache.decode("token-" + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(VerifiedTokenCache.MAX_ENTRIES);
    }

    private VerifiedTokenCache cache(Instant now) {
        return new VerifiedTokenCache(
                verifier, this::account, Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    }

    private OAuth2TokenValidatorResult account(Jwt jwt) {
        return accountActive.get()
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "The account is deactivated", null));
    }
}
