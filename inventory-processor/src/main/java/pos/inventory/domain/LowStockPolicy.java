package pos.inventory.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * When available stock counts as low: at or below a threshold per product (or the default). The warning is
 * edge-triggered: it fires when a change takes available from above the threshold to at or below it, and is
 * re-armed once available is above the threshold again.
 */
public record LowStockPolicy(BigDecimal defaultThreshold, Map<String, BigDecimal> thresholds) {

    public LowStockPolicy {
        Objects.requireNonNull(defaultThreshold, "defaultThreshold");
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        if (defaultThreshold.signum() < 0 || thresholds.values().stream().anyMatch(t -> t.signum() < 0)) {
            throw new IllegalArgumentException("low-stock thresholds must not be negative");
        }
    }

    public static LowStockPolicy uniform(BigDecimal threshold) {
        return new LowStockPolicy(threshold, Map.of());
    }

    public BigDecimal thresholdFor(String productId) {
        return thresholds.getOrDefault(productId, defaultThreshold);
    }

    /** The stock after a change with its warning flag brought up to date, and whether a warning is due now. */
    Review review(ProductStock before, ProductStock after) {
        BigDecimal threshold = thresholdFor(after.productId());
        boolean lowNow = after.available().compareTo(threshold) <= 0;
        boolean wasAbove = before.available().compareTo(threshold) > 0;
        boolean warn = lowNow && wasAbove && !before.lowStockRaised();
        boolean raised = lowNow && (warn || before.lowStockRaised());
        return new Review(after.withLowStockRaised(raised), warn, threshold);
    }

    record Review(ProductStock stock, boolean warn, BigDecimal threshold) {}
}
