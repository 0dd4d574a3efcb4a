package pos.api.identity.account;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The original's login answer plus the lifetime, as OAuth2 clients expect. */
record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    @Override
    public String toString() {
        return "TokenResponse[expires_in=" + expiresIn + "]";
    }
}
