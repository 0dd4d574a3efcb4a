package pos.api.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import pos.api.identity.account.MongoUserAccounts;
import pos.api.identity.account.UserAccount;

/**
 * Whether a user is active and with which role and stores, cached for a few seconds so checking it on every
 * request costs one database read per user per TTL. This instance evicts on every change it makes; other instances
 * see a change after at most the TTL.
 * <p>
 * One read per user at a time: when an entry expires, the requests of that user that arrive meanwhile wait for the
 * read the first of them started instead of each reading. A till's requests arrive many a second, so without it a
 * slow database got a read per request exactly when it could least afford one.
 */
public class UserStatusCache {

    static final int MAX_ENTRIES = 10_000;

    private final MongoUserAccounts accounts;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> reads = new ConcurrentHashMap<>();

    public UserStatusCache(MongoUserAccounts accounts, Duration ttl, Clock clock) {
        this.accounts = accounts;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Empty when no such user exists. */
    public Optional<UserStatus> get(String userId) {
        Entry entry = entries.get(userId);
        if (entry != null && entry.expiresAt().isAfter(clock.instant())) {
            return entry.status();
        }
        var mine = new CompletableFuture<Entry>();
        var running = reads.putIfAbsent(userId, mine);
        if (running != null) {
            return awaitRead(running).status();
        }
        try {
            // the TTL counts from before the read: a change made while it ran is seen by the next one in time
            Instant readAt = clock.instant();
            entry = new Entry(accounts.findById(userId).map(UserStatus::of), readAt.plus(ttl));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(userId, entry);
            mine.complete(entry);
            return entry.status();
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            reads.remove(userId, mine);
        }
    }

    /** The waiting requests fail as the reading one did (a database out of reach is a 503 for each of them). */
    private static Entry awaitRead(CompletableFuture<Entry> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public void evict(String userId) {
        entries.remove(userId);
    }

    /** Reads in progress (tests). */
    int readsInProgress() {
        return reads.size();
    }

    public record UserStatus(boolean active, Set<String> roles, Set<String> storeIds) {

        static UserStatus of(UserAccount account) {
            return new UserStatus(account.active(), Set.of(account.role().wireName()), Set.copyOf(account.storeIds()));
        }
    }

    private record Entry(Optional<UserStatus> status, Instant expiresAt) {}
}
