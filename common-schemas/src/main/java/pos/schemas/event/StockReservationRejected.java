package pos.schemas.event;

import pos.schemas.value.Shortage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Nothing was reserved: at least one line is short. Every short line is listed. */
public record StockReservationRejected(String commandId, String orderId, String storeId, List<Shortage> shortages,
        Instant occurredAt) implements ReservationResult {

    public StockReservationRejected {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        shortages = List.copyOf(Objects.requireNonNull(shortages, "shortages"));
    }
}
