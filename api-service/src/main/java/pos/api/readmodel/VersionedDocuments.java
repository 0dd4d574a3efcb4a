package pos.api.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteUpsert;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Read-model documents that carry a version and only ever move forward: a write applies when it brings a newer
 * version than the stored one, so redelivered, repeated or late snapshots change nothing, whichever of the
 * projector and the request threads writes first.
 * <p>
 * The guard is a compare-and-set on the exact stored version: every filter is {@code {_id}} or
 * {@code {_id, <version>: <exact value>}}. Both are index lookups on MongoDB through its {@code _id} index and, through
 * the unique {@code (_id, version)} index created here, on mongo-java-server too, whose query planner uses an index
 * only for a filter with exactly that index's fields and plain values. A range guard such as
 * {@code {_id, version: {$lt: n}}} made it scan the whole collection on every write, so writes slowed down with every
 * document stored. MongoDB needs no such index, so it is created only on mongo-java-server; on its stock backends
 * (the tests' in-memory one) it is the only thing that keeps a write from scanning. The local stack's backend serves
 * any filter naming an {@code _id} from the {@code _id} index, so it lists this index but does not keep it.
 * <p>
 * A write either sets the fields it brings and keeps the others ({@code $set}, for documents that other writers
 * add fields to), or, for documents written only whole ({@link #ofWholeDocuments}), replaces the document and
 * inserts a new one plainly. mongo-java-server applies a {@code $set} or {@code $setOnInsert} field by field, parsing
 * each field's path several times with a regular expression (for an order, fifteen fields); a replacement is copied
 * as it is.
 */
public final class VersionedDocuments {

    /** Writers of one document are the projector and a few request threads; this many lost races means a bug. */
    static final int MAX_ATTEMPTS = 64;

    private final MongoTemplate mongo;
    private final String collection;
    private final String versionField;
    private final boolean wholeDocuments;

    /** Documents that other writers may add fields to: a write sets its fields and keeps the others. */
    public VersionedDocuments(MongoTemplate mongo, String collection, String versionField) {
        this(mongo, collection, versionField, false);
    }

    /**
     * Documents whose every write brings all of their fields: a write replaces the stored document, so a field it
     * does not bring is gone afterwards.
     */
    public static VersionedDocuments ofWholeDocuments(MongoTemplate mongo, String collection, String versionField) {
        return new VersionedDocuments(mongo, collection, versionField, true);
    }

    private VersionedDocuments(MongoTemplate mongo, String collection, String versionField, boolean wholeDocuments) {
        this.mongo = mongo;
        this.collection = collection;
        this.versionField = versionField;
        this.wholeDocuments = wholeDocuments;
        if (isMongoJavaServer(mongo)) {
            mongo.indexOps(collection)
                    .createIndex(new Index()
                            .on("_id", Sort.Direction.ASC)
                            .on(versionField, Sort.Direction.ASC)
                            .unique()
                            .named(guardIndexName(versionField)));
        }
    }

    static String guardIndexName(String versionField) {
        return "_id_" + versionField + "_guard";
    }

    /** mongo-java-server answers {@code buildInfo} without the {@code gitVersion} that every mongod reports. */
    static boolean isMongoJavaServer(MongoTemplate mongo) {
        return !mongo.executeCommand(new Document("buildInfo", 1)).containsKey("gitVersion");
    }

    /**
     * Stores {@code fields} (which include the version) unless the stored document is as new or newer. Tries first
     * the usual case, the previous version stored, which needs no read. Returns whether it was applied.
     */
    public boolean applyIfNewer(Object id, long version, Document fields) {
        if (version > 0 && compareAndSet(id, version - 1, fields)) {
            return true;
        }
        return applyIfNewer(id, version, current -> fields);
    }

    /**
     * Like {@link #applyIfNewer(Object, long, Document)} for fields that depend on the stored document (empty
     * when there is none yet); always reads it first.
     */
    public boolean applyIfNewer(Object id, long version, Function<Optional<Document>, Document> fieldsFrom) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            var current = Optional.ofNullable(mongo.findById(id, Document.class, collection));
            if (current.isEmpty()) {
                if (insertIfAbsent(id, fieldsFrom.apply(current))) {
                    return true;
                }
                continue; // another writer inserted it first: compare with theirs
            }
            var stored = versionOf(current.get());
            if (stored != null && stored >= version) {
                return false;
            }
            if (compareAndSet(id, stored, fieldsFrom.apply(current))) {
                return true;
            }
        }
        throw new IllegalStateException("Gave up writing version " + version + " of " + collection + " " + id
                + " after " + MAX_ATTEMPTS + " concurrent changes");
    }

    /** One write for {@link #applyAllIfNewer(List)}: the fields of {@code version}, made from the stored document. */
    public record Change(Object id, long version, Function<Optional<Document>, Document> fieldsFrom) {}

    /**
     * {@link #applyIfNewer(Object, long, Function)} for a batch (a projector's poll) in two round trips: one read of
     * the stored documents ({@code _id $in}, an index lookup) and one unordered bulk write of exact compare-and-sets
     * and inserts. Of several changes to one document only the newest is written. When another writer changed one
     * of the documents in between (an insert or a compare-and-set did not apply), every change of the batch is
     * redone one by one, which is idempotent.
     */
    public void applyAllIfNewer(List<Change> changes) {
        var newest = new LinkedHashMap<String, Change>();
        for (var change : changes) {
            newest.merge(String.valueOf(change.id()), change, (a, b) -> b.version() > a.version() ? b : a);
        }
        if (newest.isEmpty()) {
            return;
        }
        var stored = new HashMap<String, Document>();
        var ids = newest.values().stream().map(Change::id).toList();
        for (var document : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection)) {
            stored.put(String.valueOf(document.get("_id")), document);
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int inserts = 0;
        int updates = 0;
        for (var change : newest.values()) {
            var current = Optional.ofNullable(stored.get(String.valueOf(change.id())));
            if (current.isEmpty()) {
                insertIfAbsent(bulk, change.id(), change.fieldsFrom().apply(current));
                inserts++;
                continue;
            }
            var version = versionOf(current.get());
            if (version == null || version < change.version()) {
                var fields = change.fieldsFrom().apply(current);
                var guard = byIdAndVersion(change.id(), version);
                if (wholeDocuments) {
                    bulk.replaceOne(guard, fields);
                } else {
                    bulk.updateOne(guard, setAll(fields));
                }
                updates++;
            }
        }
        if (inserts + updates > 0 && !executedCompletely(bulk, inserts, updates)) {
            newest.values().forEach(change -> applyIfNewer(change.id(), change.version(), change.fieldsFrom()));
        }
    }

    /** Adds to {@code bulk} the insert of a document that is absent unless a concurrent writer inserts it first. */
    private void insertIfAbsent(BulkOperations bulk, Object id, Document fields) {
        if (wholeDocuments) {
            bulk.insert(withId(id, fields));
        } else {
            bulk.upsert(byId(id), setAllOnInsert(fields));
        }
    }

    private boolean executedCompletely(BulkOperations bulk, int inserts, int updates) {
        try {
            var result = bulk.execute();
            int inserted = wholeDocuments
                    ? result.getInsertedCount()
                    : result.getUpserts().size();
            return inserted == inserts && result.getMatchedCount() == updates;
        } catch (BulkOperationException | DuplicateKeyException e) {
            return false; // a concurrent insert of the same id won
        }
    }

    /**
     * With the id as a filter stores it (an upsert's id comes from its filter): a string that is an object id's hex
     * form becomes that object id, as the mapping of every {@code _id} filter here converts it.
     */
    private Document withId(Object id, Document fields) {
        var document = new Document("_id", mongo.getConverter().convertId(id, ObjectId.class));
        document.putAll(fields);
        return document;
    }

    /**
     * {@link #insertIfAbsent} for a batch in one round trip: one unordered bulk of upserts that only set fields on
     * insert (of plain inserts for whole documents, each refused on its own by the unique {@code _id}). Returns the
     * ids this call inserted; a document that existed, or that a concurrent writer inserted first, is left as it was
     * and its id is not returned.
     */
    public Set<String> insertAllIfAbsent(Map<String, Document> fieldsById) {
        if (fieldsById.isEmpty()) {
            return Set.of();
        }
        var ids = List.copyOf(fieldsById.keySet());
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (var id : ids) {
            insertIfAbsent(bulk, id, fieldsById.get(id));
        }
        if (wholeDocuments) {
            return inserted(bulk, ids);
        }
        List<BulkWriteUpsert> upserts;
        try {
            upserts = bulk.execute().getUpserts();
        } catch (BulkOperationException e) {
            // a concurrent insert of one of the ids won; the others' upserts applied all the same
            upserts = e.getResult().getUpserts();
        } catch (DuplicateKeyException e) {
            return Set.of(); // nothing known to be inserted: the callers' fallback compares with what is stored
        }
        var inserted = new HashSet<String>();
        for (var upsert : upserts) {
            inserted.add(ids.get(upsert.getIndex()));
        }
        return inserted;
    }

    /** The ids of an unordered bulk of inserts that were inserted: those without an error. */
    private static Set<String> inserted(BulkOperations inserts, List<String> ids) {
        var inserted = new HashSet<>(ids);
        try {
            inserts.execute();
        } catch (BulkOperationException e) {
            // the unique _id refused each id stored already; the others were inserted all the same
            for (var error : e.getErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                inserted.remove(ids.get(error.getIndex()));
            }
        } catch (DuplicateKeyException e) {
            return Set.of(); // nothing known to be inserted: the callers' fallback compares with what is stored
        }
        return inserted;
    }

    /** Inserts the document unless one with this id exists; never changes an existing one. */
    public boolean insertIfAbsent(Object id, Document fields) {
        try {
            if (wholeDocuments) {
                mongo.insert(withId(id, fields), collection);
                return true;
            }
            return mongo.upsert(byId(id), setAllOnInsert(fields), collection).getUpsertedId() != null;
        } catch (DuplicateKeyException e) {
            return false; // a concurrent insert of the same id won
        }
    }

    /** Applies {@code update} only while the stored version is exactly {@code version}. */
    public boolean updateIfVersion(Object id, long version, Update update) {
        return mongo.updateFirst(byIdAndVersion(id, version), update, collection)
                        .getMatchedCount()
                > 0;
    }

    /** Removes the document only while its version is exactly {@code version}. */
    public boolean deleteIfVersion(Object id, long version) {
        return mongo.remove(byIdAndVersion(id, version), collection).getDeletedCount() > 0;
    }

    private boolean compareAndSet(Object id, Long expected, Document fields) {
        var guard = byIdAndVersion(id, expected);
        var result = wholeDocuments
                ? mongo.replace(guard, fields, ReplaceOptions.none(), collection)
                : mongo.updateFirst(guard, setAll(fields), collection);
        return result.getMatchedCount() > 0;
    }

    private static Update setAllOnInsert(Document fields) {
        var update = new Update();
        fields.forEach(update::setOnInsert);
        return update;
    }

    private static Update setAll(Document fields) {
        var update = new Update();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            update.set(field.getKey(), field.getValue());
        }
        return update;
    }

    private Long versionOf(Document document) {
        return document.get(versionField) instanceof Number n ? n.longValue() : null;
    }

    private static Query byId(Object id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private Query byIdAndVersion(Object id, Long version) {
        return Query.query(Criteria.where("_id").is(id).and(versionField).is(version));
    }
}
