package pos.schemas.value;

import java.math.BigDecimal;
import java.util.Objects;

/** One priced line of an order. The unit price comes from the catalog, never from the client. */
public record OrderLine(String productId, String sku, String name, BigDecimal qty, BigDecimal unitPrice) {

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (qty.signum() <= 0) {
            throw new IllegalArgumentException("qty must be positive: " + qty);
        }
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unitPrice must not be negative: " + unitPrice);
        }
    }

    /** Exact, unrounded: qty 1.5 at 2.25 is 3.375. */
    public BigDecimal lineTotal() {
        return qty.multiply(unitPrice);
    }
}
