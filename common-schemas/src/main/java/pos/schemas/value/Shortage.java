package pos.schemas.value;

import java.math.BigDecimal;
import java.util.Objects;

/** A line a reservation could not satisfy: what was asked for and what was available. */
public record Shortage(String productId, BigDecimal requested, BigDecimal available) {

    public Shortage {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(available, "available");
    }
}
