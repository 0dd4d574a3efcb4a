package pos.api.identity;

import java.util.Optional;

/** Roles carried in the JWT {@code roles} claim. */
public enum Role {
    ADMIN,
    MANAGER,
    USER;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
