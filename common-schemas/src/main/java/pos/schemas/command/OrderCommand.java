package pos.schemas.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/** Commands for order-processor on {@code pos.orders.commands.v1}, keyed by order id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PlaceOrder.class, name = "PlaceOrder"),
        @JsonSubTypes.Type(value = ChangeOrderStatus.class, name = "ChangeOrderStatus")
})
public sealed interface OrderCommand permits PlaceOrder, ChangeOrderStatus {

    /** Unique per command; a repeated command id is a retry and changes nothing the second time. */
    String commandId();

    String orderId();

    Instant issuedAt();
}
