package pos.api.identity.domain;

import java.util.Optional;
import pos.api.identity.Role;

/** Guards an admin against locking themselves out: they may not deactivate or demote their own account. */
public final class AdministrationPolicy {

    private AdministrationPolicy() {}

    /**
     * @param newRole   the role being set, or null when unchanged
     * @param newActive the active flag being set, or null when unchanged
     */
    public static Optional<String> refusal(String actorId, String targetId, Role newRole, Boolean newActive) {
        if (!actorId.equals(targetId)) {
            return Optional.empty();
        }
        if (Boolean.FALSE.equals(newActive)) {
            return Optional.of("An admin cannot deactivate their own account");
        }
        if (newRole != null && newRole != Role.ADMIN) {
            return Optional.of("An admin cannot remove their own admin role");
        }
        return Optional.empty();
    }
}
