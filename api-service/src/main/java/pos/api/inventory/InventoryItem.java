package pos.api.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import pos.schemas.value.StockLevel;

/**
 * The original's InventoryItem (qty = on hand, reserved_qty, version, timestamps) plus available_qty and
 * low_stock.
 */
record InventoryItem(
        String storeId,
        String productId,
        BigDecimal qty,
        BigDecimal reservedQty,
        BigDecimal availableQty,
        long version,
        boolean lowStock,
        Instant createdAt,
        Instant updatedAt) {

    static InventoryItem none(String storeId, String productId) {
        return new InventoryItem(
                storeId, productId, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, false, null, null);
    }

    static InventoryItem from(StockLevel s, boolean lowStock) {
        return new InventoryItem(
                s.storeId(),
                s.productId(),
                s.onHand(),
                s.reserved(),
                s.available(),
                s.version(),
                lowStock,
                s.createdAt(),
                s.updatedAt());
    }

    /** {@code {"ok": true, "item": {...}}} as the original's adjust answered. */
    @Schema(name = "InventoryItemEnvelope")
    record Envelope(boolean ok, InventoryItem item) {}

    /** 202: the adjustment is published but its decision is still pending; {@code item} is the stock as known. */
    @Schema(name = "InventoryAdjustmentPending")
    record Pending(boolean ok, boolean pending, InventoryItem item) {}
}
