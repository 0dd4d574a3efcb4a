package pos.api.identity.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The original's register body, plus optional {@code store_ids}; {@code role} above user needs an admin token. */
record RegisterRequest(
        @NotBlank @Size(max = 200) String name,

        @NotBlank @Email(regexp = AccountRules.EMAIL) @Size(max = 254)
        String email,

        @NotBlank @Size(max = 64) String username,
        @NotNull @Password String password,

        @Pattern(regexp = AccountRules.ROLE, message = AccountRules.ROLE_MESSAGE)
        String role,

        @JsonProperty("store_ids")
        List<@NotNull @Pattern(regexp = AccountRules.OBJECT_ID, message = AccountRules.OBJECT_ID_MESSAGE) String>
                storeIds) {

    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + ", role=" + role + ", password=<redacted>]";
    }
}
