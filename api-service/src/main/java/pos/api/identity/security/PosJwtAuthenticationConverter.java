package pos.api.identity.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import pos.api.identity.CurrentUser;
import pos.api.identity.Role;

import java.util.Set;

/**
 * Turns a verified token into ROLE_ADMIN / ROLE_MANAGER / ROLE_USER. Tokens from an external issuer are also
 * normalised into our claim names ({@code roles}, {@code username} from {@code preferred_username}), so
 * {@link CurrentUser#from(Jwt)} reads any accepted token the same way.
 */
public final class PosJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final String PREFERRED_USERNAME = "preferred_username";

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
        var authorities = roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return new JwtAuthenticationToken(normalised, authorities, jwt.getSubject());
    }

    private static Jwt normalise(Jwt jwt, Set<Role> roles) {
        return Jwt.withTokenValue(jwt.getTokenValue())
                .headers(h -> h.putAll(jwt.getHeaders()))
                .claims(c -> {
                    c.putAll(jwt.getClaims());
                    c.put(CurrentUser.CLAIM_ROLES, roles.stream().map(Role::wireName).toList());
                    if (!c.containsKey(CurrentUser.CLAIM_USERNAME) && c.containsKey(PREFERRED_USERNAME)) {
                        c.put(CurrentUser.CLAIM_USERNAME, c.get(PREFERRED_USERNAME));
                    }
                })
                .build();
    }
}
