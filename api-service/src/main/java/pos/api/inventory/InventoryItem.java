package pos.api.inventory;

import pos.schemas.value.StockLevel;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The original's InventoryItem (qty = on hand, reserved_qty, version, timestamps) plus available_qty and
 * low_stock.
 */
record InventoryItem(String storeId, String productId, BigDecimal qty, BigDecimal reservedQty,
        BigDecimal availableQty, long version, boolean lowStock, Instant createdAt, Instant updatedAt) {

    static InventoryItem none(String storeId, String productId) {
        return new InventoryItem(storeId, productId, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, false,
                null, null);
    }

    static InventoryItem from(StockLevel s, boolean lowStock) {
        return new InventoryItem(s.storeId(), s.productId(), s.onHand(), s.reserved(), s.available(), s.version(),
                lowStock, s.createdAt(), s.updatedAt());
    }

    /** {@code {"ok": true, "item": {...}}} as the original's adjust answered. */
    record Envelope(boolean ok, InventoryItem item) {
    }
}
