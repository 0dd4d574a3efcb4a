package pos.api.order;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import pos.api.readmodel.VersionedDocuments;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;

/**
 * The orders read model (collection {@code orders}): one document per order, the latest snapshot the API has seen.
 * Writes are guarded by the order's sequence ({@link VersionedDocuments}), so each snapshot is applied at most once
 * and a document never goes back to an older state, whatever order the projector and the request threads write in. Decimals are stored as strings,
 * exact and with their scale.
 */
@Component
public class OrderViews {

    static final String COLLECTION = "orders";
    /** The name under which OrderViewProjector keeps its progress ({@link pos.api.readmodel.ProjectionProgress}). */
    public static final String PROJECTION = "order-view-projector";

    /**
     * Orders whose store is remembered: about 200 bytes each, so at most about 10 MB, and at 500 orders a second
     * the last 100 seconds of orders, when status changes come.
     */
    static final int STORES_REMEMBERED = 50_000;

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    /**
     * An order's store never changes after it is placed, so what was read or written once answers every later
     * question without a read. Filled by the request threads' writes and by the projector, so every instance knows
     * the orders any instance placed once its projector has seen them.
     */
    private final Cache<String, String> storeOfOrder = Caffeine.newBuilder()
            .maximumSize(STORES_REMEMBERED)
            .executor(Runnable::run)
            .build();

    OrderViews(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = VersionedDocuments.ofWholeDocuments(mongo, COLLECTION, "sequence");
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("store_id", Sort.Direction.ASC).on("created_at", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("user_id", Sort.Direction.ASC).on("created_at", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("created_at", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("created_at", Sort.Direction.DESC));
    }

    /**
     * Applies a snapshot unless the stored one is as new or newer. Returns whether it was applied.
     */
    public boolean upsertIfNewer(OrderSnapshot order) {
        var applied = documents.applyIfNewer(order.orderId(), order.sequence(), toDocument(order));
        rememberStore(order);
        return applied;
    }

    /**
     * {@link #upsertIfNewer} for orders the API has just seen decided: usually nothing is stored for them yet, so
     * one bulk of inserts comes first, and only for the orders it finds stored one read and one bulk write of the
     * newer ones follow.
     */
    public void recordDecisions(List<OrderSnapshot> orders) {
        var newest = new LinkedHashMap<String, OrderSnapshot>();
        orders.forEach(o -> newest.merge(o.orderId(), o, (a, b) -> b.sequence() > a.sequence() ? b : a));
        var fields = new LinkedHashMap<String, Document>();
        newest.forEach((id, o) -> fields.put(id, toDocument(o)));
        var inserted = documents.insertAllIfAbsent(fields);
        // upsertAllIfNewer remembers the stores of the others
        upsertAllIfNewer(
                orders.stream().filter(o -> !inserted.contains(o.orderId())).toList());
        inserted.forEach(id -> rememberStore(newest.get(id)));
    }

    /**
     * Records orders the API has accepted (sequence 0) so they can be read at once; never overwrites. One round trip;
     * returns the ids this call inserted (not those an earlier attempt with the same Idempotency-Key, a decision or
     * the projector stored first).
     */
    public Set<String> insertAllPending(List<OrderSnapshot> pending) {
        var fields = new LinkedHashMap<String, Document>();
        pending.forEach(o -> fields.putIfAbsent(o.orderId(), toDocument(o)));
        var inserted = documents.insertAllIfAbsent(fields);
        pending.forEach(this::rememberStore);
        return inserted;
    }

    /** {@link #upsertIfNewer} for a projector's batch: one read and one bulk write. */
    public void upsertAllIfNewer(List<OrderSnapshot> orders) {
        documents.applyAllIfNewer(orders.stream()
                .map(o -> {
                    var fields = toDocument(o);
                    return new VersionedDocuments.Change(o.orderId(), o.sequence(), current -> fields);
                })
                .toList());
        orders.forEach(this::rememberStore);
    }

    public Optional<OrderSnapshot> find(String orderId) {
        var found = Optional.ofNullable(mongo.findById(orderId, Document.class, COLLECTION))
                .map(OrderViews::fromDocument);
        found.ifPresent(this::rememberStore);
        return found;
    }

    /**
     * The store of a stored order, without a MongoDB read when this instance has written, read or projected the
     * order before; empty when no such order is stored.
     */
    public Optional<String> storeOf(String orderId) {
        var known = storeOfOrder.getIfPresent(orderId);
        return known != null ? Optional.of(known) : find(orderId).map(OrderSnapshot::storeId);
    }

    /** Only after the write or read returned: a remembered order is one that is stored. */
    private void rememberStore(OrderSnapshot order) {
        storeOfOrder.put(order.orderId(), order.storeId());
    }

    /** A store's orders in these statuses, oldest first, at most {@code limit}: a kitchen display's snapshot. */
    public List<OrderSnapshot> inStatuses(String storeId, java.util.Collection<OrderStatus> statuses, int limit) {
        var query = Query.query(Criteria.where("store_id")
                        .is(storeId)
                        .and("status")
                        .in(statuses.stream().map(OrderStatus::wireName).toList()))
                .with(Sort.by(Sort.Order.asc("created_at"), Sort.Order.asc("_id")))
                .limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(OrderViews::fromDocument)
                .toList();
    }

    public List<OrderSnapshot> search(OrderSearch search, int skip, int limit) {
        var query = search.toQuery()
                .with(Sort.by(Sort.Order.desc("created_at"), Sort.Order.desc("_id")))
                .skip(skip)
                .limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(OrderViews::fromDocument)
                .toList();
    }

    public long count(OrderSearch search) {
        return mongo.count(search.toQuery(), COLLECTION);
    }

    private static Document toDocument(OrderSnapshot o) {
        var items = new ArrayList<Document>();
        for (var line : o.lines()) {
            items.add(new Document("product_id", line.productId())
                    .append("sku", line.sku())
                    .append("name", line.name())
                    .append("qty", line.qty().toPlainString())
                    .append("price", line.unitPrice().toPlainString()));
        }
        var shortages = new ArrayList<Document>();
        for (var s : o.shortages()) {
            shortages.add(new Document("product_id", s.productId())
                    .append("requested", s.requested().toPlainString())
                    .append("available", s.available().toPlainString()));
        }
        return new Document("sequence", o.sequence())
                .append("status", o.status().wireName())
                .append("store_id", o.storeId())
                .append("user_id", o.userId())
                .append("placed_by", o.placedBy())
                .append("items", items)
                .append("subtotal", plain(o.subtotal()))
                .append("tax", plain(o.tax()))
                .append("total", plain(o.total()))
                .append("shortages", shortages)
                .append("idempotency_key", o.idempotencyKey())
                .append("created_at", date(o.createdAt()))
                .append("updated_at", date(o.updatedAt()))
                .append("occurred_at", date(o.occurredAt()))
                .append("cancel_reason", o.cancelReason());
    }

    private static OrderSnapshot fromDocument(Document d) {
        var lines = d.getList("items", Document.class, List.of()).stream()
                .map(i -> new OrderLine(
                        i.getString("product_id"),
                        i.getString("sku"),
                        i.getString("name"),
                        new BigDecimal(i.getString("qty")),
                        new BigDecimal(i.getString("price"))))
                .toList();
        var shortages = d.getList("shortages", Document.class, List.of()).stream()
                .map(s -> new Shortage(
                        s.getString("product_id"),
                        new BigDecimal(s.getString("requested")),
                        new BigDecimal(s.getString("available"))))
                .toList();
        // Spring Data stores 24-hex ids as ObjectIds, like the original service did
        return new OrderSnapshot(
                String.valueOf(d.get("_id")),
                ((Number) d.get("sequence")).longValue(),
                OrderStatus.fromWireName(d.getString("status")).orElseThrow(),
                d.getString("store_id"),
                d.getString("user_id"),
                d.getString("placed_by"),
                lines,
                decimal(d.getString("subtotal")),
                decimal(d.getString("tax")),
                decimal(d.getString("total")),
                shortages,
                d.getString("idempotency_key"),
                instant(d.getDate("created_at")),
                instant(d.getDate("updated_at")),
                instant(d.getDate("occurred_at")),
                d.getString("cancel_reason"));
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
