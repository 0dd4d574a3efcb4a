package pos.api.identity.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A user as the API shows it: the original's fields ({@code _id}, camelCase audit fields, {@code updated_at})
 * for existing clients, with {@code id} and snake_case twins beside them for new ones. Never the password hash.
 */
public record UserResponse(
        @JsonProperty("_id") String mongoId,
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("email") String email,
        @JsonProperty("username") String username,
        @JsonProperty("role") String role,
        @JsonProperty("roles") List<String> roles,
        @JsonProperty("store_ids") List<String> storeIds,
        @JsonProperty("active") boolean active,
        @JsonProperty("isDeleted") boolean deleted,
        @JsonProperty("createdAt") Instant createdAtLegacy,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("createdBy") String createdByLegacy,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("updatedBy") String updatedByLegacy,
        @JsonProperty("updated_by") String updatedBy,
        @JsonProperty("deletedAt") Instant deletedAtLegacy,
        @JsonProperty("deleted_at") Instant deletedAt,
        @JsonProperty("deletedBy") String deletedByLegacy,
        @JsonProperty("deleted_by") String deletedBy) {

    static UserResponse of(UserAccount u) {
        return new UserResponse(
                u.id(),
                u.id(),
                u.name(),
                u.email(),
                u.username(),
                u.role().wireName(),
                List.of(u.role().wireName()),
                u.storeIds(),
                u.active(),
                !u.active(),
                u.createdAt(),
                u.createdAt(),
                u.createdBy(),
                u.createdBy(),
                u.updatedAt(),
                u.updatedBy(),
                u.updatedBy(),
                u.deletedAt(),
                u.deletedAt(),
                u.deletedBy(),
                u.deletedBy());
    }
}
