package pos.api.identity.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import pos.api.identity.domain.LoginThrottle;
import pos.api.identity.domain.PasswordRules;
import pos.api.identity.token.AccessTokens;
import pos.api.identity.token.IssuedToken;
import pos.api.web.ApiException;

/**
 * Username and password in, access token out. Unknown user, wrong password and deactivated account all answer the
 * same "Invalid credentials", and an unknown user still costs a bcrypt check, so neither the message nor the timing
 * tells which usernames exist.
 */
public class Logins {

    private final MongoUserAccounts accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final AccessTokens tokens;
    private final String decoyHash;

    public Logins(MongoUserAccounts accounts, PasswordEncoder passwords, LoginThrottle throttle, AccessTokens tokens) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** @param client the caller's address ({@link pos.api.web.ClientAddresses}) */
    public IssuedToken login(String username, String password, String client) {
        throttle.lockedFor(client, username).ifPresent(wait -> {
            throw new TooManyRequestsException("Too many failed login attempts; try again later", wait);
        });
        var credentials = accounts.findCredentials(username);
        if (!verified(credentials, password)) {
            throttle.recordFailure(client, username);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Invalid credentials");
        }
        throttle.recordSuccess(client, username);
        return tokens.issue(credentials.get().account());
    }

    private boolean verified(Optional<Credentials> credentials, String password) {
        String hash = credentials
                .map(Credentials::passwordHash)
                .filter(h -> !h.isEmpty())
                .orElse(null);
        // bcrypt cannot tell passwords apart past 72 bytes, so no such password was ever accepted at registration
        boolean matches =
                PasswordRules.fitsBcrypt(password) && passwords.matches(password, hash == null ? decoyHash : hash);
        return matches && hash != null && credentials.get().account().active();
    }
}
