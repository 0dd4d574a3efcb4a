package pos.api.identity.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import pos.api.identity.Role;

/**
 * Reads roles from a claim given as a dotted path: {@code roles} for our tokens, {@code realm_access.roles} for
 * Keycloak. The value may be a list or a space/comma separated string; names are matched without regard to case
 * and unknown names (Keycloak's {@code offline_access}...) are ignored.
 */
public record RolesClaim(String path) {

    public static final RolesClaim DEFAULT = new RolesClaim("roles");

    public Set<Role> rolesIn(Map<String, Object> claims) {
        Object value = claims;
        for (String segment : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return Set.of();
            }
            value = map.get(segment);
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (String name : names(value)) {
            Role.fromWireName(name.toLowerCase(Locale.ROOT)).ifPresent(roles::add);
        }
        return roles;
    }

    private static Collection<String> names(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return java.util.List.of(text.trim().split("[\\s,]+"));
        }
        return java.util.List.of();
    }
}
