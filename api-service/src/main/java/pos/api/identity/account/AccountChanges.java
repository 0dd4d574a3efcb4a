package pos.api.identity.account;

import java.util.List;
import pos.api.identity.Role;

/** A partial update; every null member leaves that field as it is. */
record AccountChanges(String name, String email, Role role, List<String> storeIds, Boolean active) {

    public static AccountChanges deactivate() {
        return new AccountChanges(null, null, null, null, false);
    }
}
