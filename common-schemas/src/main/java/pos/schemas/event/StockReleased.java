package pos.schemas.event;

import java.time.Instant;
import java.util.Objects;

/** The order's reservation was given back (or there was none left to give back). */
public record StockReleased(String commandId, String orderId, String storeId, Instant occurredAt)
        implements ReservationResult {

    public StockReleased {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
