package pos.api.inventory;

import com.mongodb.ErrorCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;

/**
 * The stock-movement read model (collection {@code stock_movements}): one document per {@code StockChanged} under
 * the id {@code <store>/<product>/<version>}, its position in that stock's history, and one head per (store,
 * product) under {@code <store>/<product>} with the first and last version projected. Writing a movement again is
 * a replace of the same id and the head only widens ({@code $min}/{@code $max}), so a redelivered event changes
 * nothing.
 *
 * <p>Every read is an exact {@code _id} lookup (or {@code _id $in}), which MongoDB and mongo-java-server both serve
 * from the index: a page newest first is the versions {@code last - skip} downwards, fetched by id; a time window
 * ({@code from}/{@code to}) is turned into a version range by binary search over the movements' times (the ledger
 * stamps them in version order), about 2 log2(n) lookups. No query scans the collection or sorts it.
 */
@Component
class StockMovements {

    static final String COLLECTION = "stock_movements";

    private final MongoTemplate mongo;

    StockMovements(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A page of movements, newest first, and how many the window holds. */
    record Page(List<StockMovement> movements, long total) {}

    /**
     * Writes the movements of one poll in one ordered bulk: the movements first, then the heads that count them. A
     * movement is inserted: a poll projected for the first time, the usual case, needs no lookup before each write. A
     * poll with a movement already stored (redelivered after a crash) stops at it, before any head; it is then written
     * again as replaces of the same ids, which change nothing that was there.
     */
    void record(List<StockChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            write(changes, false);
        } catch (DuplicateKeyException e) {
            write(changes, true);
        } catch (BulkOperationException e) {
            if (!onlyDuplicates(e)) {
                throw e;
            }
            write(changes, true);
        }
    }

    private static boolean onlyDuplicates(BulkOperationException e) {
        return !e.getErrors().isEmpty()
                && e.getErrors().stream().allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY);
    }

    private void write(List<StockChanged> changes, boolean replacing) {
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        var heads = new LinkedHashMap<String, long[]>();
        for (var change : changes) {
            var version = change.stock().version();
            var head = headId(change.storeId(), change.productId());
            var movement = document(change).append("_id", head + "/" + version);
            if (replacing) {
                bulk.replaceOne(
                        Query.query(Criteria.where("_id").is(movement.get("_id"))),
                        movement,
                        FindAndReplaceOptions.options().upsert());
            } else {
                bulk.insert(movement);
            }
            heads.merge(head, new long[] {version, version}, (a, b) ->
                    new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        heads.forEach((id, range) -> bulk.upsert(
                Query.query(Criteria.where("_id").is(id)),
                new Update().min("first", range[0]).max("last", range[1])));
        bulk.execute();
    }

    /**
     * Movements of one product in one store, newest first, {@code from} inclusive and {@code to} exclusive (either
     * may be null).
     */
    Page page(String storeId, String productId, Instant from, Instant to, int skip, int limit) {
        var head = mongo.findById(headId(storeId, productId), Document.class, COLLECTION);
        if (head == null) {
            return new Page(List.of(), 0);
        }
        long first = ((Number) head.get("first")).longValue();
        long last = ((Number) head.get("last")).longValue();
        var prefix = headId(storeId, productId) + "/";
        long low = from == null
                ? first
                : firstVersion(
                        first,
                        last + 1,
                        v -> !atOf(prefix, v).map(at -> at.isBefore(from)).orElse(false));
        long high = to == null
                ? last
                : firstVersion(
                                first,
                                last + 1,
                                v -> !atOf(prefix, v).map(at -> at.isBefore(to)).orElse(false))
                        - 1;
        long total = Math.max(0, high - low + 1);
        long top = high - skip;
        long bottom = Math.max(low, top - limit + 1);
        if (top < bottom) {
            return new Page(List.of(), total);
        }
        var ids = new ArrayList<String>();
        for (long v = top; v >= bottom; v--) {
            ids.add(prefix + v);
        }
        var found = mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).stream()
                .map(StockMovements::toMovement)
                .sorted(Comparator.comparingLong(StockMovement::version).reversed())
                .toList();
        return new Page(found, total);
    }

    /** The smallest version in [lo, hi) for which {@code after} holds (hi if none); {@code after} is monotone. */
    private static long firstVersion(long lo, long hi, LongPredicate after) {
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (after.test(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private Optional<Instant> atOf(String prefix, long version) {
        var query = Query.query(Criteria.where("_id").is(prefix + version));
        query.fields().include("at");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(d -> d.getDate("at"))
                .map(Date::toInstant);
    }

    static String headId(String storeId, String productId) {
        return storeId + "/" + productId;
    }

    static String typeOf(StockChanged change) {
        if (change.change() == StockChange.RESERVED) {
            return "reserve";
        }
        if (change.change() == StockChange.RELEASED) {
            return "release";
        }
        if (change.change() == StockChange.COMMITTED) {
            return "sale";
        }
        return change.reasonCode() == null ? "correction" : change.reasonCode();
    }

    private static Document document(StockChanged change) {
        var after = change.stock();
        boolean byOrder = change.orderId() != null;
        return new Document("store_id", change.storeId())
                .append("product_id", change.productId())
                .append("version", after.version())
                .append("at", Date.from(change.occurredAt()))
                .append("by", byOrder ? change.orderId() : change.requestedBy())
                .append("by_type", byOrder ? "order" : "user")
                .append("type", typeOf(change))
                .append("note", change.reason())
                .append(
                        "qty_before",
                        after.onHand().subtract(change.onHandDelta()).toPlainString())
                .append("qty_after", after.onHand().toPlainString())
                .append(
                        "reserved_before",
                        after.reserved().subtract(change.reservedDelta()).toPlainString())
                .append("reserved_after", after.reserved().toPlainString())
                .append("event_id", change.eventId());
    }

    private static StockMovement toMovement(Document d) {
        return new StockMovement(
                d.getString("store_id"),
                d.getString("product_id"),
                ((Number) d.get("version")).longValue(),
                d.getDate("at").toInstant(),
                d.getString("by"),
                d.getString("by_type"),
                d.getString("type"),
                d.getString("note"),
                decimal(d, "qty_before"),
                decimal(d, "qty_after"),
                decimal(d, "reserved_before"),
                decimal(d, "reserved_after"));
    }

    private static BigDecimal decimal(Document d, String field) {
        return new BigDecimal(d.getString(field));
    }
}
