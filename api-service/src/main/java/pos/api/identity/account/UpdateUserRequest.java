package pos.api.identity.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Admin changes to a user; absent (or null) members stay as they are, {@code "store_ids": []} clears the list. */
record UpdateUserRequest(
        @Pattern(regexp = AccountRules.NOT_BLANK, message = "must not be blank") @Size(max = 200)
        String name,

        @Email(regexp = AccountRules.EMAIL) @Size(max = 254) String email,

        @Pattern(regexp = AccountRules.ROLE, message = AccountRules.ROLE_MESSAGE)
        String role,

        @JsonProperty("store_ids")
        List<@NotNull @Pattern(regexp = AccountRules.OBJECT_ID, message = AccountRules.OBJECT_ID_MESSAGE) String>
                storeIds,

        Boolean active) {}
