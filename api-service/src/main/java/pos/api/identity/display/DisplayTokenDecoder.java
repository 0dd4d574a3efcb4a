package pos.api.identity.display;

import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import pos.api.identity.CurrentUser;
import pos.api.identity.Role;
import pos.api.identity.StoreAccess;
import pos.api.identity.token.UserStatusCache;

/**
 * Accepts display tokens ({@code pdt_...}) besides the access tokens {@code delegate} verifies. A display token
 * stands for its display as long as it is paired (not revoked, not expired) and the manager or admin who paired it
 * is still active and may still act on its store: a revocation or a deactivation takes effect within the caches'
 * few seconds. The display is presented as a token of {@code localIssuer} with subject {@code display:<id>}, no
 * role, its one store and the {@value #CLAIM_DISPLAY} claim, which gives it the DISPLAY authority and nothing else.
 */
public final class DisplayTokenDecoder implements JwtDecoder {

    public static final String CLAIM_DISPLAY = "display_id";

    private final JwtDecoder delegate;
    private final DisplayTokens displays;
    private final UserStatusCache users;
    private final String localIssuer;

    public DisplayTokenDecoder(JwtDecoder delegate, DisplayTokens displays, UserStatusCache users, String localIssuer) {
        this.delegate = delegate;
        this.displays = displays;
        this.users = users;
        this.localIssuer = localIssuer;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null || !token.startsWith(DisplayTokens.PREFIX)) {
            return delegate.decode(token);
        }
        var display = displays.find(token)
                .filter(this::pairerMayStillPair)
                .orElseThrow(() -> new BadJwtException("The display token is unknown, revoked or expired"));
        return Jwt.withTokenValue(token)
                .header("typ", "display")
                .issuer(localIssuer)
                .subject(CurrentUser.DISPLAY_PREFIX + display.id())
                .claim(CurrentUser.CLAIM_USERNAME, "display " + display.name())
                .claim(CurrentUser.CLAIM_ROLES, List.of())
                .claim(CurrentUser.CLAIM_STORE_IDS, List.of(display.storeId()))
                .claim(CLAIM_DISPLAY, display.id())
                .issuedAt(display.createdAt())
                .expiresAt(display.expiresAt())
                .build();
    }

    private boolean pairerMayStillPair(DisplayTokens.Display display) {
        var status = users.get(display.pairedBy()).orElse(null);
        if (status == null || !status.active()) {
            return false;
        }
        var roles = status.roles().stream()
                .map(Role::fromWireName)
                .flatMap(Optional::stream)
                .toList();
        boolean managerOrAdmin = roles.contains(Role.MANAGER) || roles.contains(Role.ADMIN);
        return managerOrAdmin && StoreAccess.of(roles, status.storeIds()).includes(display.storeId());
    }
}
