package pos.api.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import pos.api.identity.Role;
import pos.api.identity.StoreAccess;

/**
 * Who may create which account. Self-registration (or a caller who is not an admin) gets {@code user} with no
 * store; only an admin may hand out {@code manager}, {@code admin} or stores, and never more than their own
 * access. The original let anyone register as admin, for every store.
 */
public final class RegistrationPolicy {

    private RegistrationPolicy() {}

    /**
     * @param requested   the role asked for, or null for the default
     * @param callerRoles the roles of the caller's token; empty for an anonymous self-registration
     */
    public static RoleDecision decide(Role requested, Set<Role> callerRoles) {
        Role role = requested == null ? Role.USER : requested;
        if (role != Role.USER && !callerRoles.contains(Role.ADMIN)) {
            return new RoleDecision.Refused("Only an admin may register an account with role " + role.wireName());
        }
        return new RoleDecision.Granted(role);
    }

    /**
     * Why the caller may not give the new account these stores, or empty when it may.
     *
     * @param callerAccess the caller's own store access; ignored unless the caller is an admin
     */
    public static Optional<String> storeRefusal(
            Role role, List<String> requestedStores, Set<Role> callerRoles, StoreAccess callerAccess) {
        if (!callerRoles.contains(Role.ADMIN)) {
            return requestedStores.isEmpty() ? Optional.empty() : Optional.of("Only an admin may grant store access");
        }
        return StoreAccess.grantRefusal(callerAccess, role, requestedStores);
    }

    /**
     * The very first account of an empty system becomes admin, so the system can be administered at all; an admin
     * registering someone else decides the role themselves.
     */
    public static boolean promotesFirstAccount(Set<Role> callerRoles) {
        return !callerRoles.contains(Role.ADMIN);
    }
}
