package pos.api.identity.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import pos.api.identity.IdentityProperties;
import pos.api.identity.Role;
import pos.api.identity.domain.PasswordRules;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Runs while the context starts, before the API takes requests: builds the unique indexes, creates the configured
 * bootstrap admin if absent, and closes "first account becomes admin" when the system already has users (for
 * example data from the original service) or a bootstrap admin.
 */
public class AccountsBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AccountsBootstrap.class);

    private final MongoUserAccounts accounts;
    private final PasswordEncoder passwords;
    private final IdentityProperties.BootstrapAdmin admin;
    private final Clock clock;

    public AccountsBootstrap(MongoUserAccounts accounts, PasswordEncoder passwords,
            IdentityProperties.BootstrapAdmin admin, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        accounts.ensureIndexes();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (admin.configured()) {
            ensureAdmin(now);
        }
        if (!accounts.isEmpty()) {
            accounts.claimFirstAccount(null, now);
        }
    }

    private void ensureAdmin(Instant now) {
        if (accounts.findCredentials(admin.username()).isPresent()) {
            log.info("Bootstrap admin '{}' already exists; left unchanged", admin.username());
            return;
        }
        if (admin.password() == null) {
            throw new IllegalStateException("pos.security.bootstrap-admin.password is required with a username");
        }
        PasswordRules.violation(admin.password()).ifPresent(problem -> {
            throw new IllegalStateException("pos.security.bootstrap-admin.password " + problem);
        });
        String email = admin.email() == null || admin.email().isBlank()
                ? admin.username().strip() + "@bootstrap.invalid" : admin.email().strip();
        try {
            accounts.insert(new NewAccount(admin.name(), email, admin.username().strip(), Role.ADMIN, List.of(),
                    passwords.encode(admin.password()), now, null));
            log.info("Created bootstrap admin '{}'", admin.username());
        } catch (DuplicateAccountException e) {
            log.warn("Bootstrap admin '{}' not created: {}", admin.username(), e.getMessage());
        }
    }
}
