package pos.schemas.event;

import java.time.Instant;
import java.util.Objects;

/** The order's reservation became sold stock. */
public record StockCommitted(String commandId, String orderId, String storeId, Instant occurredAt)
        implements ReservationResult {

    public StockCommitted {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
