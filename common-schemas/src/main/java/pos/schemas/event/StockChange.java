package pos.schemas.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why stock changed. */
public enum StockChange {
    /** On hand changed by an adjustment or a physical count (its {@code reason_code} says which kind). */
    @JsonProperty("adjusted")
    ADJUSTED,
    /** Reserved for an order: reserved goes up, on hand stays. */
    @JsonProperty("reserved")
    RESERVED,
    /** An order's reservation given back: reserved goes down. */
    @JsonProperty("released")
    RELEASED,
    /** An order's reservation sold: reserved and on hand go down. */
    @JsonProperty("committed")
    COMMITTED
}
