package pos.api.inventory;

import com.mongodb.ErrorCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * product) under {@code <store>/<product>} with the first version projected. A stock's movements are projected in
 * version order, so the versions stored are one run from the head's first to the last projected. Writing a movement
 * again is a replace of the same id and the head only moves down ({@code $min}), so a redelivered event changes
 * nothing.
 *
 * <p>A head is written the first time this instance projects a movement of its stock, not with every poll: the last
 * version is found when a page is read instead (from the stock read model's version, then by id), as pages are read
 * far less often than movements are written (a head's {@code $max} was one more write per movement under order
 * load).
 *
 * <p>Every read is an exact {@code _id} lookup (or {@code _id $in}), which MongoDB and mongo-java-server both serve
 * from the index: a page newest first is the versions {@code last - skip} downwards, fetched by id; a time window
 * ({@code from}/{@code to}) is turned into a version range by binary search over the movements' times (the ledger
 * stamps them in version order), about 2 log2(n) lookups. No query scans the collection or sorts it.
 */
@Component
class StockMovements {

    static final String COLLECTION = "stock_movements";

    /** Heads of at most this many stocks are remembered as written; past it the memory starts again. */
    static final int HEADS_REMEMBERED = 100_000;

    /** Ids past the last known version looked up at once while finding the last one. */
    static final int LOOKAHEAD = 16;

    private final MongoTemplate mongo;
    private final StockViews stocks;
    private final Set<String> headsWritten = ConcurrentHashMap.newKeySet();

    StockMovements(MongoTemplate mongo, StockViews stocks) {
        this.mongo = mongo;
        this.stocks = stocks;
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
        var firstVersions = new LinkedHashMap<String, Long>();
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
            if (replacing || !headsWritten.contains(head)) {
                firstVersions.merge(head, version, Math::min);
            }
        }
        firstVersions.forEach((id, first) ->
                bulk.upsert(Query.query(Criteria.where("_id").is(id)), new Update().min("first", first)));
        bulk.execute();
        if (headsWritten.size() + firstVersions.size() > HEADS_REMEMBERED) {
            headsWritten.clear();
        }
        headsWritten.addAll(firstVersions.keySet());
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
        var prefix = headId(storeId, productId) + "/";
        long first = ((Number) head.get("first")).longValue();
        long stockVersion =
                stocks.find(storeId, productId).map(InventoryItem::version).orElse(0L);
        long last = lastVersion(prefix, first, stockVersion);
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

    /**
     * The last version projected, from {@code first} (projected) and the stock read model's version, which is usually
     * it, may be behind it (a reply's stock applied before its event was projected) or ahead (the movements'
     * projector behind): a lookup of the versions from the likelier of the two onwards, then, only when that one is
     * not there, a binary search below it.
     */
    private long lastVersion(String prefix, long first, long stockVersion) {
        long from = Math.max(first, stockVersion);
        long to = from + LOOKAHEAD - 1;
        var found = stored(prefix, from, to);
        if (!found.contains(from)) {
            return firstVersion(first, from, v -> !stored(prefix, v, v).contains(v)) - 1;
        }
        long last = Collections.max(found);
        for (long ahead = 2L * LOOKAHEAD; last == to; ahead *= 2) {
            from = to + 1;
            to = from + ahead - 1;
            found = stored(prefix, from, to);
            if (found.isEmpty()) {
                break;
            }
            last = Collections.max(found);
        }
        return last;
    }

    /** The versions in [from, to] whose movements are stored: one {@code _id $in} lookup. */
    private Set<Long> stored(String prefix, long from, long to) {
        var ids = new ArrayList<String>();
        for (long v = from; v <= to; v++) {
            ids.add(prefix + v);
        }
        var query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("version");
        var versions = new HashSet<Long>();
        for (var found : mongo.find(query, Document.class, COLLECTION)) {
            versions.add(((Number) found.get("version")).longValue());
        }
        return versions;
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
