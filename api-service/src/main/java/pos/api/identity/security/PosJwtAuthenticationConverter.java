package pos.api.identity.security;

import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import pos.api.identity.CurrentUser;
import pos.api.identity.Role;
import pos.api.identity.display.DisplayTokenDecoder;

/**
 * Turns a verified token into ROLE_ADMIN / ROLE_MANAGER / ROLE_USER. Tokens from an external issuer are also
 * normalised into our claim names ({@code roles}, {@code username} from {@code preferred_username}), so
 * {@link CurrentUser#from(Jwt)} reads any accepted token the same way.
 */
public final class PosJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final String PREFERRED_USERNAME = "preferred_username";
    /** The authority of a paired kitchen display (not a {@link Role}: a display is no user). */
    public static final String DISPLAY_ROLE = "DISPLAY";

    private final String localIssuer;
    private final RolesClaim externalRoles;

    public PosJwtAuthenticationConverter(String localIssuer, RolesClaim externalRoles) {
        this.localIssuer = localIssuer;
        this.externalRoles = externalRoles;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        boolean local = localIssuer != null && localIssuer.equals(jwt.getClaimAsString("iss"));
        Set<Role> roles = (local ? RolesClaim.DEFAULT : externalRoles).rolesIn(jwt.getClaims());
        Jwt normalised = local ? jwt : normalise(jwt, roles);
        var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        if (local && jwt.hasClaim(DisplayTokenDecoder.CLAIM_DISPLAY)) {
            // only DisplayTokenDecoder builds such a token: our signed access tokens never carry this claim
            authorities.add(new SimpleGrantedAuthority("ROLE_" + DISPLAY_ROLE));
        }
        return new JwtAuthenticationToken(normalised, authorities, jwt.getSubject());
    }

    private static Jwt normalise(Jwt jwt, Set<Role> roles) {
        return Jwt.withTokenValue(jwt.getTokenValue())
                .headers(h -> h.putAll(jwt.getHeaders()))
                .claims(c -> {
                    c.putAll(jwt.getClaims());
                    c.put(
                            CurrentUser.CLAIM_ROLES,
                            roles.stream().map(Role::wireName).toList());
                    if (!c.containsKey(CurrentUser.CLAIM_USERNAME) && c.containsKey(PREFERRED_USERNAME)) {
                        c.put(CurrentUser.CLAIM_USERNAME, c.get(PREFERRED_USERNAME));
                    }
                })
                .build();
    }
}
