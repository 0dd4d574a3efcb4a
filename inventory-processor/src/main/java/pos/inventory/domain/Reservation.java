package pos.inventory.domain;

import pos.schemas.event.ReservationResult;
import pos.schemas.value.StockLine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order's reservation in one store: the reserved quantity per product and the last answer sent for it, which
 * a repeated command gets again.
 */
public record Reservation(
        String storeId,
        String orderId,
        List<StockLine> lines,
        ReservationStatus status,
        ReservationResult result) {

    public Reservation {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * Whether the reservation has ended (rejected, released or committed) before {@code cutoff}: only a command
     * repeated after that could still need it. A live reservation never expires: it holds stock.
     */
    public boolean endedBefore(Instant cutoff) {
        return status != ReservationStatus.RESERVED && result.occurredAt().isBefore(cutoff);
    }

    Reservation finish(ReservationStatus finalStatus, ReservationResult answer) {
        return new Reservation(storeId, orderId, lines, finalStatus, answer);
    }
}
