package pos.api.identity.account;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Update;
import pos.api.identity.Role;
import pos.api.identity.domain.AccountKeys;

/** Field names as the original stored them (plus the normalised keys, store_ids and active), read leniently. */
final class UserDocuments {

    static final String PASSWORD = "password";

    private UserDocuments() {}

    static Document toDocument(ObjectId id, NewAccount account) {
        return new Document("_id", id)
                .append("name", account.name())
                .append("email", account.email())
                .append(MongoUserAccounts.EMAIL_KEY, AccountKeys.normalise(account.email()))
                .append("username", account.username())
                .append(MongoUserAccounts.USERNAME_KEY, AccountKeys.normalise(account.username()))
                .append("role", account.role().wireName())
                .append("store_ids", account.storeIds())
                .append("active", true)
                .append(PASSWORD, account.passwordHash())
                .append("created_at", Date.from(account.createdAt()))
                .append("created_by", account.createdBy());
    }

    static UserAccount toAccount(Document d) {
        List<String> stores = d.getList("store_ids", String.class);
        return new UserAccount(
                d.getObjectId("_id").toHexString(),
                d.getString("name"),
                d.getString("email"),
                d.getString("username"),
                Role.fromWireName(d.getString("role")).orElse(Role.USER),
                stores == null ? List.of() : stores,
                d.getBoolean("active", true),
                instant(d, "created_at"),
                string(d, "created_by"),
                instant(d, "updated_at"),
                string(d, "updated_by"),
                instant(d, "deleted_at"),
                string(d, "deleted_by"));
    }

    static Update toUpdate(AccountChanges changes, String by, Instant now) {
        var update = new Update().set("updated_at", Date.from(now)).set("updated_by", by);
        if (changes.name() != null) {
            update.set("name", changes.name());
        }
        if (changes.email() != null) {
            update.set("email", changes.email())
                    .set(MongoUserAccounts.EMAIL_KEY, AccountKeys.normalise(changes.email()));
        }
        if (changes.role() != null) {
            update.set("role", changes.role().wireName());
        }
        if (changes.storeIds() != null) {
            update.set("store_ids", changes.storeIds());
        }
        if (Boolean.FALSE.equals(changes.active())) {
            update.set("active", false).set("deleted_at", Date.from(now)).set("deleted_by", by);
        } else if (Boolean.TRUE.equals(changes.active())) {
            update.set("active", true).unset("deleted_at").unset("deleted_by");
        }
        return update;
    }

    /** Audit ids may be null, strings, or (in old data) ObjectIds. */
    private static String string(Document d, String field) {
        Object value = d.get(field);
        return value == null ? null : value.toString();
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
