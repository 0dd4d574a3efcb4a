package pos.schemas.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import pos.schemas.value.StockLevel;

/**
 * Stock of one product in one store changed. {@code stock} holds the quantities after the change and its
 * {@code version} is the per-(store, product) sequence number. {@code orderId} is set for reservation changes;
 * for adjustments and counts {@code reason} is the note, {@code reasonCode} the kind of adjustment ({@code delivery},
 * {@code count}, {@code waste}, {@code return}, {@code transfer}, {@code correction}) and {@code requestedBy} the
 * account that asked for it. The quantities before the change are {@code stock} minus the deltas.
 */
public record StockChanged(
        String eventId,
        String storeId,
        String productId,
        StockChange change,
        BigDecimal onHandDelta,
        BigDecimal reservedDelta,
        StockLevel stock,
        String reason,
        String orderId,
        String commandId,
        Instant occurredAt,
        String reasonCode,
        String requestedBy)
        implements InventoryEvent {

    /** A change without a reason code or requester (an order's reservation, release or sale). */
    public StockChanged(
            String eventId,
            String storeId,
            String productId,
            StockChange change,
            BigDecimal onHandDelta,
            BigDecimal reservedDelta,
            StockLevel stock,
            String reason,
            String orderId,
            String commandId,
            Instant occurredAt) {
        this(
                eventId,
                storeId,
                productId,
                change,
                onHandDelta,
                reservedDelta,
                stock,
                reason,
                orderId,
                commandId,
                occurredAt,
                null,
                null);
    }

    public StockChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(onHandDelta, "onHandDelta");
        Objects.requireNonNull(reservedDelta, "reservedDelta");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
