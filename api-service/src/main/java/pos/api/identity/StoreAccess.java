package pos.api.identity;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stores an account may act on. Store access is granted, never taken: a {@code user} (cashier) acts only on
 * the stores listed for it, so a cashier with an empty list acts on none; a {@code manager} or {@code admin} with
 * an empty list acts on every store, with a list only on those.
 */
public record StoreAccess(boolean everyStore, Set<String> stores) {

    public static final StoreAccess NONE = new StoreAccess(false, Set.of());
    public static final StoreAccess EVERY_STORE = new StoreAccess(true, Set.of());

    public StoreAccess {
        stores = everyStore
                ? Set.of()
                : stores.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** What an account with these roles and this store list may act on. */
    public static StoreAccess of(Collection<Role> roles, Collection<String> storeIds) {
        boolean unlimitedRole = roles.contains(Role.ADMIN) || roles.contains(Role.MANAGER);
        if (storeIds.isEmpty()) {
            return unlimitedRole ? EVERY_STORE : NONE;
        }
        return new StoreAccess(false, Set.copyOf(storeIds));
    }

    public boolean includes(String storeId) {
        return everyStore || stores.contains(storeId.toLowerCase(Locale.ROOT));
    }

    /** True when every store this grants is also granted by {@code other}. */
    public boolean isWithin(StoreAccess other) {
        return other.everyStore || (!everyStore && other.stores.containsAll(stores));
    }

    /**
     * Why {@code caller} may not give an account this role and these stores, or empty when it may: nobody can
     * create or change an account to have wider access than their own.
     */
    public static Optional<String> grantRefusal(StoreAccess caller, Role role, Collection<String> storeIds) {
        var granted = of(Set.of(role), storeIds);
        if (granted.isWithin(caller)) {
            return Optional.empty();
        }
        return Optional.of(
                granted.everyStore
                        ? "Only an admin with access to every store may give a " + role.wireName() + " every store"
                        : "Cannot grant access to stores outside your own");
    }
}
