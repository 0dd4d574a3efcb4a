package pos.schemas.event;

import pos.schemas.value.StockLevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Stock of one product in one store changed. {@code stock} holds the quantities after the change and its
 * {@code version} is the per-(store, product) sequence number. {@code orderId} is set for reservation changes,
 * {@code reason} for adjustments.
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
        Instant occurredAt) implements InventoryEvent {

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
