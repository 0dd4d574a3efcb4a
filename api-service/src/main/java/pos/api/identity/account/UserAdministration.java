package pos.api.identity.account;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import pos.api.identity.CurrentUser;
import pos.api.identity.Role;
import pos.api.identity.StoreAccess;
import pos.api.identity.domain.AdministrationPolicy;
import pos.api.identity.token.UserStatusCache;
import pos.api.web.ApiException;
import pos.api.web.PathIds;

/** Reading and administering users. Every change evicts the user's cached status, so their tokens follow at once. */
public class UserAdministration {

    private final MongoUserAccounts accounts;
    private final UserStatusCache statuses;
    private final Clock clock;

    public UserAdministration(MongoUserAccounts accounts, UserStatusCache statuses, Clock clock) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.clock = clock;
    }

    public UserAccount me(CurrentUser caller) {
        return accounts.findById(caller.userId()).orElseThrow(UserAdministration::notFound);
    }

    /** The user itself or an admin; others get 403 whether or not the id exists, so ids cannot be probed. */
    public UserAccount get(String rawId, CurrentUser caller) {
        String id = PathIds.objectId(rawId, "user_id");
        if (!caller.isAdmin() && !id.equals(caller.userId())) {
            throw ApiException.forbidden("Only an admin may read another user");
        }
        return accounts.findById(id).orElseThrow(UserAdministration::notFound);
    }

    public List<UserAccount> list(int skip, int limit, CurrentUser caller) {
        requireAdmin(caller);
        return accounts.list(skip, limit);
    }

    public long count() {
        return accounts.count();
    }

    public UserAccount update(String rawId, UpdateUserRequest request, CurrentUser caller) {
        requireAdmin(caller);
        String id = PathIds.objectId(rawId, "user_id");
        Role role = Registrations.requestedRole(request.role());
        AdministrationPolicy.refusal(caller.userId(), id, role, request.active())
                .ifPresent(reason -> {
                    throw ApiException.conflict(reason);
                });
        UserAccount current = accounts.findById(id).orElseThrow(UserAdministration::notFound);
        requireWithinCallersAccess(current, role, request.storeIds(), caller);
        // deactivating twice must not move deleted_at
        Boolean active = request.active() == null || request.active() == current.active() ? null : request.active();
        var changes = new AccountChanges(
                strip(request.name()),
                strip(request.email()),
                role,
                request.storeIds() == null ? null : Registrations.storeIds(request.storeIds()),
                active);
        try {
            return changed(id, changes, caller);
        } catch (DuplicateAccountException e) {
            throw Registrations.duplicate(e);
        }
    }

    /** DELETE deactivates: the account and its history stay, its tokens stop working. */
    public UserAccount deactivate(String rawId, CurrentUser caller) {
        return update(rawId, new UpdateUserRequest(null, null, null, null, false), caller);
    }

    private UserAccount changed(String id, AccountChanges changes, CurrentUser caller) {
        var updated = accounts.update(
                        id, changes, caller.userId(), clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .orElseThrow(UserAdministration::notFound);
        statuses.evict(id);
        return updated;
    }

    /**
     * An admin limited to some stores administers only accounts within those stores, and nobody can give an
     * account wider access than their own.
     */
    private static void requireWithinCallersAccess(
            UserAccount current, Role newRole, List<String> newStores, CurrentUser caller) {
        var access = caller.storeAccess();
        if (!StoreAccess.of(Set.of(current.role()), current.storeIds()).isWithin(access)) {
            throw ApiException.forbidden("Cannot administer an account with access to stores outside your own");
        }
        var role = newRole == null ? current.role() : newRole;
        var stores = newStores == null ? current.storeIds() : Registrations.storeIds(newStores);
        StoreAccess.grantRefusal(access, role, stores).ifPresent(reason -> {
            throw ApiException.forbidden(reason);
        });
    }

    private static void requireAdmin(CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Only an admin may administer users");
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static ApiException notFound() {
        return ApiException.notFound("User not found");
    }
}
