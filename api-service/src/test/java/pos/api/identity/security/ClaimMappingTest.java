package pos.api.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import pos.api.identity.CurrentUser;
import pos.api.identity.Role;

class ClaimMappingTest {

    private static final String LOCAL = "pos-api";
    private final PosJwtAuthenticationConverter converter =
            new PosJwtAuthenticationConverter(LOCAL, new RolesClaim("realm_access.roles"));

    @Test
    void mapsOurRolesClaimToAuthorities() {
        var auth = converter.convert(jwt(LOCAL, c -> c.put("roles", List.of("manager"))));
        assertThat(authorities(auth.getAuthorities())).containsExactly("ROLE_MANAGER");
    }

    @Test
    void readsTheCurrentUserFromOurToken() {
        var auth = converter.convert(jwt(LOCAL, c -> {
            c.put("username", "alice");
            c.put("roles", List.of("admin"));
            c.put("store_ids", List.of("65C0FFEE0000000000000001"));
        }));
        var user = CurrentUser.from((Jwt) auth.getPrincipal());
        assertThat(user)
                .isEqualTo(new CurrentUser(
                        "65c0ffee00000000000000aa", "alice", Set.of(Role.ADMIN), Set.of("65c0ffee0000000000000001")));
        assertThat(user.isAdmin()).isTrue();
        assertThat(user.canActOnStore("65c0ffee0000000000000001")).isTrue();
        assertThat(user.canActOnStore("65c0ffee0000000000000002")).isFalse();
        assertThat(auth.getName()).isEqualTo("65c0ffee00000000000000aa");
    }

    @Test
    void aCashierWithoutStoresMayActOnNoStoreAndAManagerWithoutStoresOnEvery() {
        var cashier = CurrentUser.from((Jwt) converter
                .convert(jwt(LOCAL, c -> c.put("roles", List.of("user"))))
                .getPrincipal());
        assertThat(cashier.storeIds()).isEmpty();
        assertThat(cashier.canActOnStore("65c0ffee0000000000000002")).isFalse();
        assertThat(cashier.isManagerOrAdmin()).isFalse();

        var manager = CurrentUser.from((Jwt) converter
                .convert(jwt(LOCAL, c -> c.put("roles", List.of("manager"))))
                .getPrincipal());
        assertThat(manager.canActOnStore("65c0ffee0000000000000002")).isTrue();
    }

    @Test
    void ourTokensUseTheRolesClaimWhateverTheExternalClaimIs() {
        var auth = converter.convert(jwt(LOCAL, c -> {
            c.put("roles", List.of("user"));
            c.put("realm_access", Map.of("roles", List.of("admin")));
        }));
        assertThat(authorities(auth.getAuthorities())).containsExactly("ROLE_USER");
    }

    @Test
    void mapsKeycloakRealmRolesAndIgnoresTheirOwnRoles() {
        var auth = converter.convert(jwt("https://keycloak.example/realms/pos", c -> {
            c.put("preferred_username", "bob");
            c.put("realm_access", Map.of("roles", List.of("offline_access", "Manager", "uma_authorization")));
        }));
        assertThat(authorities(auth.getAuthorities())).containsExactly("ROLE_MANAGER");
        var user = CurrentUser.from((Jwt) auth.getPrincipal());
        assertThat(user.username()).isEqualTo("bob");
        assertThat(user.roles()).containsExactly(Role.MANAGER);
    }

    @Test
    void anExternalTokenWithoutTheClaimHasNoRole() {
        var auth = converter.convert(jwt("https://keycloak.example/realms/pos", c -> c.put("roles", List.of("admin"))));
        assertThat(auth.getAuthorities()).isEmpty();
        assertThat(CurrentUser.from((Jwt) auth.getPrincipal()).roles()).isEmpty();
    }

    @Test
    void readsRolesFromListsOrSeparatedStrings() {
        assertThat(new RolesClaim("roles").rolesIn(Map.of("roles", "admin user")))
                .containsExactly(Role.ADMIN, Role.USER);
        assertThat(new RolesClaim("roles").rolesIn(Map.of("roles", "manager,user")))
                .containsExactly(Role.MANAGER, Role.USER);
        assertThat(new RolesClaim("a.b.c").rolesIn(Map.of("a", Map.of("b", Map.of("c", List.of("admin"))))))
                .containsExactly(Role.ADMIN);
    }

    @Test
    void findsNoRolesWhereThePathLeadsNowhere() {
        assertThat(new RolesClaim("realm_access.roles").rolesIn(Map.of("realm_access", "admin")))
                .isEmpty();
        assertThat(new RolesClaim("realm_access.roles").rolesIn(Map.of())).isEmpty();
        assertThat(new RolesClaim("roles").rolesIn(Map.of("roles", List.of(1, true))))
                .isEmpty();
        assertThat(new RolesClaim("roles").rolesIn(Map.of("roles", List.of("root", "superuser"))))
                .isEmpty();
    }

    private static Jwt jwt(String issuer, Consumer<Map<String, Object>> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .claim("iss", issuer)
                .subject("65c0ffee00000000000000aa")
                .issuedAt(Instant.parse("2026-02-05T10:00:00Z"))
                .expiresAt(Instant.parse("2026-02-05T11:00:00Z"))
                .claims(claims)
                .build();
    }

    private static List<String> authorities(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
