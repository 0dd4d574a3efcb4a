package pos.api.identity;

import java.time.Instant;
import java.util.List;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import pos.api.identity.security.PosJwtAuthenticationConverter;
import pos.api.identity.security.RolesClaim;

/**
 * For {@code @WebMvcTest} slices that import {@code SecurityConfiguration}: a caller with our claims and the
 * authorities our converter derives from them, without signing anything.
 */
public final class TestJwts {

    private static final PosJwtAuthenticationConverter CONVERTER =
            new PosJwtAuthenticationConverter("pos-api", RolesClaim.DEFAULT);

    private TestJwts() {}

    public static RequestPostProcessor as(Role role, String userId, String... storeIds) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> jwt.claim("iss", "pos-api")
                        .subject(userId)
                        .claim(CurrentUser.CLAIM_USERNAME, role.wireName() + "-" + userId)
                        .claim(CurrentUser.CLAIM_ROLES, List.of(role.wireName()))
                        .claim(CurrentUser.CLAIM_STORE_IDS, List.of(storeIds))
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(3600)))
                .authorities(jwt -> List.copyOf(CONVERTER.convert(jwt).getAuthorities()));
    }
}
