package pos.inventory.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.event.StockLevelLow;

/**
 * The stock changes of one command and the events describing them. Event ids are derived from the command id,
 * product and kind of change, so a consumer that sees an event twice (at-least-once delivery) can drop the copy.
 */
final class Movements {

    private final LowStockPolicy lowStock;
    private final StockChange change;
    private final String commandId;
    private final String orderId;
    private final String reason;
    private final String reasonCode;
    private final String requestedBy;
    private final Instant now;
    private final List<ProductStock> stocks = new ArrayList<>();
    private final List<InventoryEvent> events = new ArrayList<>();

    Movements(
            LowStockPolicy lowStock, StockChange change, String commandId, String orderId, String reason, Instant now) {
        this(lowStock, change, commandId, orderId, reason, null, null, now);
    }

    /** An adjustment or count: {@code reason} is its note, {@code reasonCode} its kind, {@code requestedBy} who. */
    Movements(
            LowStockPolicy lowStock,
            StockChange change,
            String commandId,
            String orderId,
            String reason,
            String reasonCode,
            String requestedBy,
            Instant now) {
        this.lowStock = lowStock;
        this.change = change;
        this.commandId = commandId;
        this.orderId = orderId;
        this.reason = reason;
        this.reasonCode = reasonCode;
        this.requestedBy = requestedBy;
        this.now = now;
    }

    static String eventId(String commandId, String productId, String kind) {
        return commandId + "/" + productId + "/" + kind;
    }

    /** Records one product's change and returns the stock to save (with its low-stock flag up to date). */
    ProductStock record(ProductStock before, ProductStock after) {
        LowStockPolicy.Review review = lowStock.review(before, after);
        ProductStock saved = review.stock();
        stocks.add(saved);
        events.add(new StockChanged(
                eventId(commandId, saved.productId(), change.name().toLowerCase(Locale.ROOT)),
                saved.storeId(),
                saved.productId(),
                change,
                saved.onHand().subtract(before.onHand()),
                saved.reserved().subtract(before.reserved()),
                saved.toLevel(),
                reason,
                orderId,
                commandId,
                now,
                reasonCode,
                requestedBy));
        if (review.warn()) {
            events.add(new StockLevelLow(
                    eventId(commandId, saved.productId(), "low"),
                    saved.storeId(),
                    saved.productId(),
                    saved.available(),
                    review.threshold(),
                    saved.version(),
                    now));
        }
        return saved;
    }

    List<ProductStock> stocks() {
        return List.copyOf(stocks);
    }

    List<InventoryEvent> events() {
        return List.copyOf(events);
    }
}
