package pos.api.identity.account;

import pos.api.identity.Role;

import java.util.List;

/** A partial update; every null member leaves that field as it is. */
record AccountChanges(String name, String email, Role role, List<String> storeIds, Boolean active) {

    public static AccountChanges deactivate() {
        return new AccountChanges(null, null, null, null, false);
    }
}
