package pos.schemas.event;

import pos.schemas.value.StockLine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Every line of the order is reserved. */
public record StockReserved(String commandId, String orderId, String storeId, List<StockLine> lines,
        Instant occurredAt) implements ReservationResult {

    public StockReserved {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
