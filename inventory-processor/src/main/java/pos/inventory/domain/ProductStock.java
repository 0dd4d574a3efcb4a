package pos.inventory.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import pos.schemas.value.StockLevel;

/**
 * Stock of one product in one store. {@code version} counts the changes from 1 (0 = never stocked);
 * {@code lowStockRaised} remembers that a low-stock warning was sent, so the next one waits until stock has
 * been above the threshold again.
 */
public record ProductStock(
        String storeId,
        String productId,
        BigDecimal onHand,
        BigDecimal reserved,
        long version,
        Instant createdAt,
        Instant updatedAt,
        boolean lowStockRaised) {

    public ProductStock {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(onHand, "onHand");
        Objects.requireNonNull(reserved, "reserved");
        if (onHand.signum() < 0 || reserved.signum() < 0 || reserved.compareTo(onHand) > 0 || version < 0) {
            throw new IllegalStateException("stock invariant broken (0 <= reserved <= on hand): on hand " + onHand
                    + ", reserved " + reserved + ", version " + version + " for " + storeId + "/" + productId);
        }
    }

    /** A product this store has never stocked. */
    public static ProductStock none(String storeId, String productId) {
        return new ProductStock(storeId, productId, BigDecimal.ZERO, BigDecimal.ZERO, 0, null, null, false);
    }

    public BigDecimal available() {
        return onHand.subtract(reserved);
    }

    public boolean covers(BigDecimal qty) {
        return available().compareTo(qty) >= 0;
    }

    /** On hand changes by {@code delta} unless that would leave less than is reserved. */
    public AdjustOutcome adjust(BigDecimal delta, Instant now) {
        if (available().add(delta).signum() < 0) {
            return new AdjustOutcome.Refused(this, StockLedger.INSUFFICIENT_STOCK);
        }
        return new AdjustOutcome.Applied(changed(onHand.add(delta), reserved, now));
    }

    /**
     * On hand becomes what a physical count found, unless fewer were counted than orders hold: a count is still
     * a change (a new version) when it finds exactly what was expected, so it shows as a movement.
     */
    public AdjustOutcome count(BigDecimal counted, Instant now) {
        if (counted.compareTo(reserved) < 0) {
            return new AdjustOutcome.Refused(this, StockLedger.COUNT_BELOW_RESERVED);
        }
        return new AdjustOutcome.Applied(changed(counted, reserved, now));
    }

    ProductStock reserve(BigDecimal qty, Instant now) {
        if (!covers(qty)) {
            throw new IllegalStateException("reserving " + qty + " of " + productId + " with only " + available());
        }
        return changed(onHand, reserved.add(qty), now);
    }

    ProductStock release(BigDecimal qty, Instant now) {
        return changed(onHand, reserved.subtract(qty), now);
    }

    ProductStock commit(BigDecimal qty, Instant now) {
        return changed(onHand.subtract(qty), reserved.subtract(qty), now);
    }

    ProductStock withLowStockRaised(boolean raised) {
        return new ProductStock(storeId, productId, onHand, reserved, version, createdAt, updatedAt, raised);
    }

    public StockLevel toLevel() {
        return new StockLevel(storeId, productId, onHand, reserved, available(), version, createdAt, updatedAt);
    }

    private ProductStock changed(BigDecimal newOnHand, BigDecimal newReserved, Instant now) {
        return new ProductStock(
                storeId,
                productId,
                newOnHand,
                newReserved,
                version + 1,
                createdAt == null ? now : createdAt,
                now,
                lowStockRaised);
    }
}
