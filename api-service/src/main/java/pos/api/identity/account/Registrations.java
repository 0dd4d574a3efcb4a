package pos.api.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import pos.api.identity.CurrentUser;
import pos.api.identity.Role;
import pos.api.identity.StoreAccess;
import pos.api.identity.domain.RegistrationPolicy;
import pos.api.identity.domain.RoleDecision;
import pos.api.web.ApiException;
import pos.api.web.FieldError;

/**
 * Creates accounts: role and store policy, bcrypt, unique username/email, and (on the local stack only) "the
 * first account becomes admin".
 */
public class Registrations {

    private final MongoUserAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final boolean firstAccountAdmin;

    public Registrations(
            MongoUserAccounts accounts, PasswordEncoder passwords, Clock clock, boolean firstAccountAdmin) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.firstAccountAdmin = firstAccountAdmin;
    }

    /** @param caller the caller's token, or null for an anonymous self-registration */
    public UserAccount register(RegisterRequest request, CurrentUser caller) {
        Set<Role> callerRoles = caller == null ? Set.of() : caller.roles();
        RoleDecision decision = RegistrationPolicy.decide(requestedRole(request.role()), callerRoles);
        if (decision instanceof RoleDecision.Refused refused) {
            throw ApiException.forbidden(refused.reason());
        }
        Role role = ((RoleDecision.Granted) decision).role();
        var stores = storeIds(request.storeIds());
        RegistrationPolicy.storeRefusal(
                        role, stores, callerRoles, caller == null ? StoreAccess.NONE : caller.storeAccess())
                .ifPresent(reason -> {
                    throw ApiException.forbidden(reason);
                });
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var account = insert(new NewAccount(
                request.name().strip(),
                request.email().strip(),
                request.username().strip(),
                role,
                stores,
                passwords.encode(request.password()),
                now,
                caller == null ? null : caller.userId()));
        if (!firstAccountAdmin) {
            return account;
        }
        boolean first = accounts.claimFirstAccount(account.id(), now);
        if (first && role != Role.ADMIN && RegistrationPolicy.promotesFirstAccount(callerRoles)) {
            var promote = new AccountChanges(null, null, Role.ADMIN, null, null);
            return accounts.update(account.id(), promote, account.id(), now).orElse(account);
        }
        return account;
    }

    private UserAccount insert(NewAccount account) {
        try {
            return accounts.insert(account);
        } catch (DuplicateAccountException e) {
            throw duplicate(e);
        }
    }

    static ApiException duplicate(DuplicateAccountException e) {
        return ApiException.badRequest(e.getMessage())
                .with("errors", List.of(new FieldError(e.field(), "already exists")));
    }

    static Role requestedRole(String role) {
        return role == null ? null : Role.fromWireName(role).orElseThrow(() -> ApiException.badRequest("Invalid role"));
    }

    static List<String> storeIds(List<String> ids) {
        return ids == null
                ? List.of()
                : ids.stream().map(id -> id.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
