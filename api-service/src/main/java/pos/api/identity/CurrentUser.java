package pos.api.identity;

import org.springframework.security.oauth2.jwt.Jwt;
import pos.api.web.ApiException;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The caller, as the access token describes it: {@code sub} (user id), {@code username}, {@code roles} and
 * {@code store_ids}. An empty store list means every store.
 */
public record CurrentUser(String userId, String username, Set<Role> roles, Set<String> storeIds) {

    public static final String CLAIM_USERNAME = "username";
    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_STORE_IDS = "store_ids";

    public static CurrentUser from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CLAIM_ROLES);
        List<String> stores = jwt.getClaimAsStringList(CLAIM_STORE_IDS);
        return new CurrentUser(
                jwt.getSubject(),
                jwt.getClaimAsString(CLAIM_USERNAME),
                roles == null ? Set.of() : roles.stream().map(Role::fromWireName).flatMap(java.util.Optional::stream)
                        .collect(Collectors.toUnmodifiableSet()),
                stores == null ? Set.of() : stores.stream().map(String::toLowerCase)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean isManagerOrAdmin() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.MANAGER);
    }

    public boolean canActOnStore(String storeId) {
        return storeIds.isEmpty() || storeIds.contains(storeId.toLowerCase());
    }

    /** 403 unless the caller may act on this store. */
    public void requireStore(String storeId) {
        if (!canActOnStore(storeId)) {
            throw ApiException.forbidden("Not allowed for store " + storeId);
        }
    }
}
