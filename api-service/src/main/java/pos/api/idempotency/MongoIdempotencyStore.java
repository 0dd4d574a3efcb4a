package pos.api.idempotency;

import com.mongodb.ErrorCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keys in the {@code idempotency_keys} collection. Uniqueness of (user, key) is the unique index's job, so two
 * racing first requests cannot both own a key. The TTL index removes expired keys on MongoDB; expiry is also
 * checked on read and by a periodic clean-up, because mongo-java-server ignores TTL indexes.
 */
@Component
class MongoIdempotencyStore implements IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";

    private final MongoTemplate mongo;

    /**
     * Expired keys are found, then deleted by id, this many at a time. One delete filtered by {@code expires_at}
     * would read every key of the last three days in one command: the local stack's MongoDB serves a range filter
     * by reading the whole collection, and a write runs under the lock its commits wait for, so every write of the
     * API and the projectors would wait for the whole read. A find reads without that lock, and a delete by
     * {@code _id} is served from the index. On MongoDB the TTL index usually leaves nothing to find.
     */
    static final int EXPIRED_PER_DELETE = 1_000;

    private final int expiredPerDelete;

    @Autowired
    MongoIdempotencyStore(MongoTemplate mongo) {
        this(mongo, EXPIRED_PER_DELETE);
    }

    MongoIdempotencyStore(MongoTemplate mongo, int expiredPerDelete) {
        this.mongo = mongo;
        this.expiredPerDelete = expiredPerDelete;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index()
                .on("user_id", Sort.Direction.ASC)
                .on("key", Sort.Direction.ASC)
                .unique()
                .named("user_key_unique"));
        indexes.createIndex(new Index()
                .on("expires_at", Sort.Direction.ASC)
                .expire(0, TimeUnit.SECONDS)
                .named("expires_at_ttl"));
    }

    @Override
    public Optional<IdempotencyRecord> insertIfAbsent(IdempotencyRecord record) {
        try {
            var doc = toDocument(record);
            mongo.insert(doc, COLLECTION);
            return Optional.of(fromDocument(doc));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * One unordered bulk insert for the batch: the unique index refuses each key that exists (or came earlier in
     * the batch) on its own, and the others are inserted. Any other write error fails the whole batch; what was
     * inserted of it is then taken over when its lease runs out, as after a crash.
     */
    @Override
    public List<Optional<IdempotencyRecord>> insertAllIfAbsent(List<IdempotencyRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        var documents = records.stream().map(this::toDocumentWithId).toList();
        var inserted = new ArrayList<>(Collections.nCopies(records.size(), true));
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION)
                    .insert(documents)
                    .execute();
        } catch (BulkOperationException e) {
            for (var error : e.getErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                inserted.set(error.getIndex(), false);
            }
        }
        var results = new ArrayList<Optional<IdempotencyRecord>>(records.size());
        for (int i = 0; i < documents.size(); i++) {
            results.add(inserted.get(i) ? Optional.of(fromDocument(documents.get(i))) : Optional.empty());
        }
        return results;
    }

    @Override
    public Optional<IdempotencyRecord> find(String userId, String key) {
        var query = Query.query(Criteria.where("user_id").is(userId).and("key").is(key));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(this::fromDocument);
    }

    @Override
    public Optional<IdempotencyRecord> takeOver(IdempotencyRecord expired, Instant newLeaseUntil) {
        var query = Query.query(Criteria.where("_id")
                .is(new org.bson.types.ObjectId(expired.id()))
                .and("completed")
                .is(false)
                .and("lease_until")
                .is(Date.from(expired.leaseUntil())));
        var update = Update.update("lease_until", Date.from(newLeaseUntil));
        var taken = mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return Optional.ofNullable(taken).map(this::fromDocument);
    }

    @Override
    public void complete(IdempotencyRecord record, StoredResponse response) {
        mongo.updateFirst(byId(record), completion(response), COLLECTION);
    }

    @Override
    public void releaseLease(IdempotencyRecord record, Instant now) {
        mongo.updateFirst(byId(record), release(now), COLLECTION);
    }

    /** One unordered bulk write for the batch: each key's update touches only that key's document. */
    @Override
    public void storeAll(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (var outcome : outcomes) {
            bulk.updateOne(
                    byId(outcome.record()),
                    outcome.isFinal() ? completion(outcome.response()) : release(outcome.now()));
        }
        bulk.execute();
    }

    private static Update completion(StoredResponse response) {
        return new Update()
                .set("completed", true)
                .set(
                        "response",
                        new Document()
                                .append("status", response.status())
                                .append("content_type", response.contentType())
                                .append("body", response.body())
                                .append("location", response.location()));
    }

    private static Update release(Instant now) {
        return Update.update("lease_until", Date.from(now));
    }

    @Override
    public void delete(IdempotencyRecord record) {
        mongo.remove(byId(record), COLLECTION);
    }

    @Override
    public long deleteExpired(Instant now) {
        var due = Date.from(now);
        var expired = Query.query(Criteria.where("expires_at").lte(due)).limit(expiredPerDelete);
        expired.fields().include("_id");
        long deleted = 0;
        while (true) {
            var ids = mongo.find(expired, Document.class, COLLECTION).stream()
                    .map(found -> found.get("_id"))
                    .toList();
            if (ids.isEmpty()) {
                return deleted;
            }
            deleted += mongo.remove(
                            Query.query(Criteria.where("_id")
                                    .in(ids)
                                    .and("expires_at")
                                    .lte(due)),
                            COLLECTION)
                    .getDeletedCount();
            if (ids.size() < expiredPerDelete) {
                return deleted;
            }
        }
    }

    private static Query byId(IdempotencyRecord record) {
        return Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(record.id())));
    }

    /** With its {@code _id} chosen here, so a result can name its document whatever the bulk write copies. */
    private Document toDocumentWithId(IdempotencyRecord record) {
        var document = toDocument(record);
        document.putIfAbsent("_id", new org.bson.types.ObjectId());
        return document;
    }

    private Document toDocument(IdempotencyRecord r) {
        var doc = new Document()
                .append("user_id", r.userId())
                .append("key", r.key())
                .append("fingerprint", r.fingerprint())
                .append("completed", r.completed())
                .append("resource_id", r.resourceId())
                .append("command_id", r.commandId())
                .append("lease_until", Date.from(r.leaseUntil()))
                .append("created_at", Date.from(r.createdAt()))
                .append("expires_at", Date.from(r.expiresAt()));
        if (r.id() != null) {
            doc.append("_id", new org.bson.types.ObjectId(r.id()));
        }
        return doc;
    }

    private IdempotencyRecord fromDocument(Document d) {
        var response = d.get("response", Document.class);
        return new IdempotencyRecord(
                d.getObjectId("_id").toHexString(),
                d.getString("user_id"),
                d.getString("key"),
                d.getString("fingerprint"),
                d.getBoolean("completed", false),
                d.getString("resource_id"),
                d.getString("command_id"),
                d.getDate("lease_until").toInstant(),
                response == null
                        ? null
                        : new StoredResponse(
                                response.getInteger("status"),
                                response.getString("content_type"),
                                response.getString("body"),
                                response.getString("location")),
                d.getDate("created_at").toInstant(),
                d.getDate("expires_at").toInstant());
    }
}
