package pos.inventory.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A quantity of one product, as reserved, released or committed. */
public record StockLine(String productId, BigDecimal qty) {

    public StockLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(qty, "qty");
        if (qty.signum() <= 0) {
            throw new IllegalArgumentException("qty must be positive: " + qty);
        }
    }
}
