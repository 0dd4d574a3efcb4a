package pos.api.identity.token;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import pos.api.identity.CurrentUser;

/**
 * A token of ours is only as good as the account behind it: once the user is deactivated, or their role or stores
 * change, tokens issued before stop working instead of living on until they expire.
 */
public class CurrentAccountValidator implements OAuth2TokenValidator<Jwt> {

    private final UserStatusCache users;

    public CurrentAccountValidator(UserStatusCache users) {
        this.users = users;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        var status =
                jwt.getSubject() == null ? null : users.get(jwt.getSubject()).orElse(null);
        if (status == null || !status.active()) {
            return failure("The account is unknown or deactivated");
        }
        if (!status.roles().equals(claimSet(jwt, CurrentUser.CLAIM_ROLES))
                || !status.storeIds().equals(claimSet(jwt, CurrentUser.CLAIM_STORE_IDS))) {
            return failure("The account's role or stores changed; log in again");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static Set<String> claimSet(Jwt jwt, String claim) {
        List<String> values = jwt.getClaimAsStringList(claim);
        Set<String> set = new HashSet<>();
        if (values != null) {
            values.forEach(v -> set.add(v.toLowerCase(Locale.ROOT)));
        }
        return set;
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
