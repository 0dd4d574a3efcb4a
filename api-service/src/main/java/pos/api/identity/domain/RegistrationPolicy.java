package pos.api.identity.domain;

import pos.api.identity.Role;

import java.util.Set;

/**
 * Who may create which account. Self-registration (or a caller who is not an admin) gets {@code user}; only an
 * admin may hand out {@code manager} or {@code admin}. The original let anyone register as admin.
 */
public final class RegistrationPolicy {

    private RegistrationPolicy() {
    }

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
     * The very first account of an empty system becomes admin, so the system can be administered at all; an admin
     * registering someone else decides the role themselves.
     */
    public static boolean promotesFirstAccount(Set<Role> callerRoles) {
        return !callerRoles.contains(Role.ADMIN);
    }
}
