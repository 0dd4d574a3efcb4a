package pos.api.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import pos.api.identity.account.MongoUserAccounts;
import pos.api.identity.account.NewAccount;
import pos.api.identity.account.UserAccount;
import pos.api.identity.token.AccessTokens;

/**
 * Real accounts and real tokens for full-application tests, created straight in the store (one bcrypt hash shared
 * by all of them, to keep tests quick). Tokens pass every check a login token passes.
 */
public final class TestAccounts {

    public static final String PASSWORD = "correct-horse-battery";

    private final MongoUserAccounts accounts;
    private final AccessTokens tokens;
    private final String hash;

    /** Over the application's own account store, token issuer and password encoder. */
    public static TestAccounts of(ApplicationContext context) {
        return new TestAccounts(
                context.getBean(MongoUserAccounts.class),
                context.getBean(AccessTokens.class),
                context.getBean(PasswordEncoder.class));
    }

    public TestAccounts(MongoUserAccounts accounts, AccessTokens tokens, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.hash = passwords.encode(PASSWORD);
    }

    public Account create(Role role, String... storeIds) {
        String username =
                "it-" + role.wireName() + "-" + UUID.randomUUID().toString().substring(0, 12);
        var user = accounts.insert(new NewAccount(
                "Test " + role.wireName(),
                username + "@example.com",
                username,
                role,
                List.of(storeIds),
                hash,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                null));
        return new Account(user, tokens.issue(user).value());
    }

    public record Account(UserAccount user, String token) {

        public String id() {
            return user.id();
        }

        public String username() {
            return user.username();
        }
    }
}
