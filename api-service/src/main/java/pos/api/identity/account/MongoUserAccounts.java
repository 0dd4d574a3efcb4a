package pos.api.identity.account;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import pos.api.identity.Role;
import pos.api.identity.domain.AccountKeys;

/**
 * The {@code users} collection. Uniqueness of username and email (without regard to case) is guaranteed by unique
 * indexes on lower-cased copies of both, so two racing registrations end in one insert and one clean refusal.
 */
public class MongoUserAccounts {

    public static final String USERS = "users";
    static final String MARKERS = "identity_markers";
    static final String FIRST_ACCOUNT_MARKER = "first-account";
    static final String USERNAME_KEY = "username_key";
    static final String EMAIL_KEY = "email_key";

    private final MongoTemplate mongo;

    public MongoUserAccounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void ensureIndexes() {
        backfillKeys();
        var users = mongo.getCollection(USERS);
        users.createIndex(
                Indexes.ascending(USERNAME_KEY), new IndexOptions().unique(true).name("username_key_unique"));
        users.createIndex(
                Indexes.ascending(EMAIL_KEY), new IndexOptions().unique(true).name("email_key_unique"));
    }

    /** Users written by the original service lack the normalised keys; without them the unique indexes would fail. */
    private void backfillKeys() {
        var users = mongo.getCollection(USERS);
        for (Document user :
                users.find(Filters.or(Filters.exists(USERNAME_KEY, false), Filters.exists(EMAIL_KEY, false)))) {
            users.updateOne(
                    Filters.eq("_id", user.get("_id")),
                    Updates.combine(
                            Updates.set(USERNAME_KEY, AccountKeys.normalise(user.getString("username"))),
                            Updates.set(EMAIL_KEY, AccountKeys.normalise(user.getString("email")))));
        }
    }

    public UserAccount insert(NewAccount account) {
        Document document = UserDocuments.toDocument(new ObjectId(), account);
        try {
            mongo.insert(document, USERS);
        } catch (DuplicateKeyException e) {
            throw new DuplicateAccountException(
                    exists(USERNAME_KEY, document.getString(USERNAME_KEY)) ? "username" : "email");
        }
        return UserDocuments.toAccount(document);
    }

    public Optional<UserAccount> update(String id, AccountChanges changes, String by, Instant now) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        Update update = UserDocuments.toUpdate(changes, by, now);
        try {
            Document updated = mongo.findAndModify(
                    byId(id), update, FindAndModifyOptions.options().returnNew(true), Document.class, USERS);
            return Optional.ofNullable(updated).map(UserDocuments::toAccount);
        } catch (DuplicateKeyException e) {
            throw new DuplicateAccountException("email");
        }
    }

    public Optional<UserAccount> findById(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(byId(id), Document.class, USERS))
                .map(UserDocuments::toAccount);
    }

    public Optional<Credentials> findCredentials(String username) {
        var query = Query.query(Criteria.where(USERNAME_KEY).is(AccountKeys.normalise(username)));
        return Optional.ofNullable(mongo.findOne(query, Document.class, USERS))
                .map(d -> new Credentials(UserDocuments.toAccount(d), d.getString(UserDocuments.PASSWORD)));
    }

    public List<UserAccount> list(int skip, int limit) {
        var query = new Query().with(Sort.by("_id")).skip(skip).limit(limit);
        return mongo.find(query, Document.class, USERS).stream()
                .map(UserDocuments::toAccount)
                .toList();
    }

    public long count() {
        return mongo.getCollection(USERS).countDocuments();
    }

    /**
     * Active cashiers whose store list is empty. Such an account acted on every store before store access had to be
     * granted; it now acts on none until an admin grants stores. Read once at start-up, so a plain scan will do.
     */
    public long countActiveCashiersWithoutStores() {
        var cashiers = Filters.or(Filters.eq("role", Role.USER.wireName()), Filters.exists("role", false));
        long count = 0;
        for (Document user : mongo.getCollection(USERS).find(cashiers)) {
            var stores = user.getList("store_ids", Object.class);
            if (!Boolean.FALSE.equals(user.get("active")) && (stores == null || stores.isEmpty())) {
                count++;
            }
        }
        return count;
    }

    public boolean isEmpty() {
        return mongo.getCollection(USERS).find().limit(1).first() == null;
    }

    /**
     * Claims "first account of the system" for this user. The marker's fixed {@code _id} makes the claim atomic:
     * of any number of racing registrations exactly one succeeds.
     */
    public boolean claimFirstAccount(String userId, Instant now) {
        try {
            mongo.insert(
                    new Document("_id", FIRST_ACCOUNT_MARKER)
                            .append("user_id", userId)
                            .append("claimed_at", Date.from(now)),
                    MARKERS);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private boolean exists(String field, String value) {
        return mongo.exists(Query.query(Criteria.where(field).is(value)), USERS);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(new ObjectId(id)));
    }
}
