package pos.api.identity.display;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Display tokens (collection {@code display_tokens}): a paired kitchen screen's credential, scoped to one store.
 * Only the SHA-256 of a token is stored, so the collection leaks no usable token. A lookup is cached for a few
 * seconds, so a revocation on any instance ends the token's use everywhere within that time.
 */
public class DisplayTokens {

    public static final String PREFIX = "pdt_";
    static final String COLLECTION = "display_tokens";
    static final int MAX_CACHED = 10_000;
    /** A store has at most this many paired screens. */
    public static final int MAX_PER_STORE = 100;

    private final MongoTemplate mongo;
    private final Duration cacheTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public DisplayTokens(MongoTemplate mongo, Duration cacheTtl, Clock clock) {
        this.mongo = mongo;
        this.cacheTtl = cacheTtl;
        this.clock = clock;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("token_hash", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("store_id", Sort.Direction.ASC));
    }

    /** A paired screen, as listed (never with its token). */
    public record Display(
            String id, String storeId, String name, String pairedBy, Instant createdAt, Instant expiresAt) {}

    /** A new display and its token, shown once. */
    public record Paired(Display display, String token) {}

    public Paired pair(String storeId, String name, String pairedBy, Duration ttl) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var display = new Display(new ObjectId().toHexString(), storeId, name, pairedBy, now, now.plus(ttl));
        mongo.insert(
                new Document("_id", new ObjectId(display.id()))
                        .append("token_hash", hash(token))
                        .append("store_id", storeId)
                        .append("name", name)
                        .append("paired_by", pairedBy)
                        .append("created_at", Date.from(display.createdAt()))
                        .append("expires_at", Date.from(display.expiresAt())),
                COLLECTION);
        return new Paired(display, token);
    }

    public long count(String storeId) {
        return mongo.count(Query.query(Criteria.where("store_id").is(storeId)), COLLECTION);
    }

    public List<Display> list(String storeId) {
        return mongo.find(Query.query(Criteria.where("store_id").is(storeId)), Document.class, COLLECTION).stream()
                .map(DisplayTokens::display)
                .sorted(java.util.Comparator.comparing(Display::createdAt))
                .toList();
    }

    /** Whether a display of this store was there to revoke. */
    public boolean revoke(String storeId, String id) {
        var removed = mongo.remove(
                                Query.query(Criteria.where("_id")
                                        .is(new ObjectId(id))
                                        .and("store_id")
                                        .is(storeId)),
                                COLLECTION)
                        .getDeletedCount()
                > 0;
        cache.clear();
        return removed;
    }

    /** The display this token pairs, if it is one of ours, not revoked and not expired. */
    public Optional<Display> find(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = hash(token);
        Cached cached = cache.get(hash);
        if (cached == null || !cached.until().isAfter(now)) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            var found = Optional.ofNullable(mongo.findOne(
                            Query.query(Criteria.where("token_hash").is(hash)), Document.class, COLLECTION))
                    .map(DisplayTokens::display);
            cached = new Cached(found, now.plus(cacheTtl));
            cache.put(hash, cached);
        }
        return cached.display().filter(d -> d.expiresAt().isAfter(now));
    }

    private static Display display(Document d) {
        return new Display(
                d.getObjectId("_id").toHexString(),
                d.getString("store_id"),
                d.getString("name"),
                d.getString("paired_by"),
                d.getDate("created_at").toInstant(),
                d.getDate("expires_at").toInstant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Cached(Optional<Display> display, Instant until) {}
}
