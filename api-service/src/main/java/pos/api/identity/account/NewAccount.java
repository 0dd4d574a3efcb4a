package pos.api.identity.account;

import java.time.Instant;
import java.util.List;
import pos.api.identity.Role;

/** What registration stores; {@code createdBy} is the admin who created it, or null for self-registration. */
public record NewAccount(
        String name,
        String email,
        String username,
        Role role,
        List<String> storeIds,
        String passwordHash,
        Instant createdAt,
        String createdBy) {

    public NewAccount {
        storeIds = List.copyOf(storeIds);
    }

    @Override
    public String toString() {
        return "NewAccount[username=" + username + ", role=" + role + ", passwordHash=<redacted>]";
    }
}
