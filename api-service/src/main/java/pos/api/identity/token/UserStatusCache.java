package pos.api.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import pos.api.identity.account.MongoUserAccounts;
import pos.api.identity.account.UserAccount;

/**
 * Whether a user is active and with which role and stores, cached for a few seconds so checking it on every
 * request costs one database read per user per TTL. This instance evicts on every change it makes; other instances
 * see a change after at most the TTL.
 */
public class UserStatusCache {

    static final int MAX_ENTRIES = 10_000;

    private final MongoUserAccounts accounts;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public UserStatusCache(MongoUserAccounts accounts, Duration ttl, Clock clock) {
        this.accounts = accounts;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Empty when no such user exists. */
    public Optional<UserStatus> get(String userId) {
        Instant now = clock.instant();
        Entry entry = entries.get(userId);
        if (entry == null || !entry.expiresAt().isAfter(now)) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entry = new Entry(accounts.findById(userId).map(UserStatus::of), now.plus(ttl));
            entries.put(userId, entry);
        }
        return entry.status();
    }

    public void evict(String userId) {
        entries.remove(userId);
    }

    public record UserStatus(boolean active, Set<String> roles, Set<String> storeIds) {

        static UserStatus of(UserAccount account) {
            return new UserStatus(account.active(), Set.of(account.role().wireName()), Set.copyOf(account.storeIds()));
        }
    }

    private record Entry(Optional<UserStatus> status, Instant expiresAt) {}
}
