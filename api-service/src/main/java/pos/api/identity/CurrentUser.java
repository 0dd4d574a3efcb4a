package pos.api.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;
import pos.api.web.ApiException;
import pos.api.web.PathIds;

/**
 * The caller, as the access token describes it: {@code sub} (user id), {@code username}, {@code roles} and
 * {@code store_ids}. Which stores that allows is {@link StoreAccess}'s rule: an empty list means every store for a
 * manager or admin and no store for a cashier.
 */
public record CurrentUser(String userId, String username, Set<Role> roles, Set<String> storeIds) {

    public static final String CLAIM_USERNAME = "username";
    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_STORE_IDS = "store_ids";
    public static final String STORE_NOT_FOUND = "Store not found";
    /** The subject of a paired kitchen display's token: {@code display:<display id>}. */
    public static final String DISPLAY_PREFIX = "display:";

    public static CurrentUser from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CLAIM_ROLES);
        List<String> stores = jwt.getClaimAsStringList(CLAIM_STORE_IDS);
        return new CurrentUser(
                jwt.getSubject(),
                jwt.getClaimAsString(CLAIM_USERNAME),
                roles == null
                        ? Set.of()
                        : roles.stream()
                                .map(Role::fromWireName)
                                .flatMap(java.util.Optional::stream)
                                .collect(Collectors.toUnmodifiableSet()),
                stores == null
                        ? Set.of()
                        : stores.stream().map(String::toLowerCase).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * A paired kitchen display (its token is scoped to one store: it reads the store's order stream and bumps
     * its orders to their next status, nothing else).
     */
    public boolean isDisplay() {
        return userId != null && userId.startsWith(DISPLAY_PREFIX);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean isManagerOrAdmin() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.MANAGER);
    }

    public StoreAccess storeAccess() {
        return StoreAccess.of(roles, storeIds);
    }

    public boolean canActOnStore(String storeId) {
        return storeAccess().includes(storeId);
    }

    /**
     * 404 unless the caller may act on this store: the same answer as for something that does not exist, so a
     * caller cannot tell another store's data from none.
     */
    public void requireStore(String storeId) {
        requireStore(storeId, STORE_NOT_FOUND);
    }

    /**
     * The {@code store_id} of a request path as a store this caller may act on: 400 if it is not an id at all, 404
     * as in {@link #requireStore(String)} if it is not one of the caller's stores.
     */
    public String requireStoreFromPath(String storeId) {
        var store = PathIds.objectId(storeId, "store_id");
        requireStore(store);
        return store;
    }

    /** As {@link #requireStore(String)}, answering with the detail a missing resource of this kind gets. */
    public void requireStore(String storeId, String notFoundDetail) {
        if (!canActOnStore(storeId)) {
            throw ApiException.notFound(notFoundDetail);
        }
    }
}
