package pos.api.identity.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Login as JSON or as the OAuth2 password-grant form the original took; {@code grant_type}, when sent, must be
 * {@code password}. scope, client_id and client_secret are accepted and ignored, as before.
 */
record LoginRequest(
        @NotBlank String username,
        @NotBlank String password,

        @JsonProperty("grant_type") @Pattern(regexp = "password", message = "must be \"password\"")
        String grantType) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=<redacted>]";
    }
}
