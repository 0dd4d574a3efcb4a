package pos.schemas.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * inventory-processor's answer to a reserve, release or commit command, on {@code pos.inventory.reservations.v1},
 * keyed by order id so order-processor reads it in the same task as the order's commands.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StockReserved.class, name = "StockReserved"),
        @JsonSubTypes.Type(value = StockReservationRejected.class, name = "StockReservationRejected"),
        @JsonSubTypes.Type(value = StockReleased.class, name = "StockReleased"),
        @JsonSubTypes.Type(value = StockCommitted.class, name = "StockCommitted")
})
public sealed interface ReservationResult
        permits StockReserved, StockReservationRejected, StockReleased, StockCommitted {

    /** The inventory command this answers. */
    String commandId();

    String orderId();

    String storeId();

    Instant occurredAt();
}
