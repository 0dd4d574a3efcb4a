package pos.api.identity.account;

import java.time.Instant;
import java.util.List;
import pos.api.identity.Role;

/** A user as stored, without the password hash (that lives only in {@link Credentials}). */
public record UserAccount(
        String id,
        String name,
        String email,
        String username,
        Role role,
        List<String> storeIds,
        boolean active,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        Instant deletedAt,
        String deletedBy) {

    public UserAccount {
        storeIds = List.copyOf(storeIds);
    }
}
