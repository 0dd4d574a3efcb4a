package pos.api.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import pos.api.identity.IdentityProperties;
import pos.api.identity.Role;
import pos.api.identity.domain.PasswordRules;

/**
 * Runs while the context starts, before the API takes requests: builds the unique indexes, creates the configured
 * bootstrap admin if absent (and refuses to start when that username belongs to an account that is not an admin),
 * closes "first account becomes admin" when the system already has users (for example data from the original
 * service) or a bootstrap admin, and says once how many cashiers have no store yet.
 */
public class AccountsBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AccountsBootstrap.class);

    private final MongoUserAccounts accounts;
    private final PasswordEncoder passwords;
    private final IdentityProperties.BootstrapAdmin admin;
    private final Clock clock;

    public AccountsBootstrap(
            MongoUserAccounts accounts,
            PasswordEncoder passwords,
            IdentityProperties.BootstrapAdmin admin,
            Clock clock) {
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
        long cashiersWithoutStores = accounts.countActiveCashiersWithoutStores();
        if (cashiersWithoutStores > 0) {
            log.warn(
                    "{} active cashier account(s) have no store: they act on no store until an admin grants stores "
                            + "(PATCH /users/{id} with store_ids); before store access had to be granted, an empty list "
                            + "meant every store",
                    cashiersWithoutStores);
        }
    }

    private void ensureAdmin(Instant now) {
        var existing = accounts.findCredentials(admin.username());
        if (existing.isPresent()) {
            var account = existing.get().account();
            if (account.role() != Role.ADMIN) {
                throw new IllegalStateException("Bootstrap admin '" + admin.username() + "' exists with role "
                        + account.role().wireName() + ", not admin: refusing to start rather than leave the system "
                        + "without the admin you configured. Choose another pos.security.bootstrap-admin.username "
                        + "(POS_BOOTSTRAP_ADMIN_USERNAME), or make that account an admin first.");
            }
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
                ? admin.username().strip() + "@bootstrap.invalid"
                : admin.email().strip();
        try {
            accounts.insert(new NewAccount(
                    admin.name(),
                    email,
                    admin.username().strip(),
                    Role.ADMIN,
                    List.of(),
                    passwords.encode(admin.password()),
                    now,
                    null));
            log.info("Created bootstrap admin '{}'", admin.username());
        } catch (DuplicateAccountException e) {
            log.warn("Bootstrap admin '{}' not created: {}", admin.username(), e.getMessage());
        }
    }
}
