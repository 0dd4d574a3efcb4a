package pos.api.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import pos.api.readmodel.VersionedDocuments;
import pos.schemas.event.StockLevelLow;
import pos.schemas.value.StockLevel;

/**
 * The inventory read model (collection {@code inventory}): one document per (store, product) with the latest
 * stock the API has seen. Writes are guarded by the per-(store, product) version ({@link VersionedDocuments}), so
 * each change is applied at most once and never overwritten by an older one. {@code low_stock} follows the threshold learnt from the
 * processor's low-stock events.
 */
@Component
public class StockViews {

    static final String COLLECTION = "inventory";

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;

    StockViews(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = new VersionedDocuments(mongo, COLLECTION, "version");
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .on("store_id", Sort.Direction.ASC)
                        .on("product_id", Sort.Direction.ASC)
                        .unique()
                        .named("store_product_unique"));
    }

    static String idOf(String storeId, String productId) {
        return storeId + ":" + productId;
    }

    public boolean applyIfNewer(StockLevel stock) {
        var change = changeOf(stock);
        return documents.applyIfNewer(change.id(), change.version(), change.fieldsFrom());
    }

    /** {@link #applyIfNewer} for a projector's batch: one read and one bulk write. */
    public void applyAllIfNewer(List<StockLevel> stocks) {
        documents.applyAllIfNewer(stocks.stream().map(StockViews::changeOf).toList());
    }

    private static VersionedDocuments.Change changeOf(StockLevel stock) {
        return new VersionedDocuments.Change(idOf(stock.storeId(), stock.productId()), stock.version(), current -> {
            var threshold = current.map(d -> d.getString("low_stock_threshold")).map(BigDecimal::new);
            return new Document("store_id", stock.storeId())
                    .append("product_id", stock.productId())
                    .append("qty", stock.onHand().toPlainString())
                    .append("reserved_qty", stock.reserved().toPlainString())
                    .append("available_qty", stock.available().toPlainString())
                    .append("version", stock.version())
                    .append(
                            "low_stock",
                            threshold
                                    .map(t -> stock.available().compareTo(t) <= 0)
                                    .orElse(false))
                    .append("created_at", date(stock.createdAt()))
                    .append("updated_at", date(stock.updatedAt()));
        });
    }

    void markLow(StockLevelLow low) {
        var id = idOf(low.storeId(), low.productId());
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().set("low_stock_threshold", low.threshold().toPlainString()),
                COLLECTION);
        documents.updateIfVersion(id, low.version(), new Update().set("low_stock", true));
    }

    Optional<InventoryItem> find(String storeId, String productId) {
        return Optional.ofNullable(mongo.findById(idOf(storeId, productId), Document.class, COLLECTION))
                .map(StockViews::toItem);
    }

    List<InventoryItem> list(String storeId, boolean lowOnly, int skip, int limit) {
        var query =
                query(storeId, lowOnly).with(Sort.by("product_id")).skip(skip).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(StockViews::toItem)
                .toList();
    }

    long count(String storeId, boolean lowOnly) {
        return mongo.count(query(storeId, lowOnly), COLLECTION);
    }

    private static Query query(String storeId, boolean lowOnly) {
        var criteria = Criteria.where("store_id").is(storeId);
        if (lowOnly) {
            criteria.and("low_stock").is(true);
        }
        return Query.query(criteria);
    }

    private static InventoryItem toItem(Document d) {
        return new InventoryItem(
                d.getString("store_id"),
                d.getString("product_id"),
                new BigDecimal(d.getString("qty")),
                new BigDecimal(d.getString("reserved_qty")),
                new BigDecimal(d.getString("available_qty")),
                ((Number) d.get("version")).longValue(),
                d.getBoolean("low_stock", false),
                instant(d.getDate("created_at")),
                instant(d.getDate("updated_at")));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
