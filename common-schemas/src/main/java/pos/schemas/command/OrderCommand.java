package pos.schemas.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * Commands on {@code pos.orders.commands.v1}, keyed by store id (co-partitioned with
 * {@code pos.inventory.commands.v1}): inventory-processor's store ledger decides them together with the store's
 * stock; order-processor's placement deadline reads the placements.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PlaceOrder.class, name = "PlaceOrder"),
        @JsonSubTypes.Type(value = ChangeOrderStatus.class, name = "ChangeOrderStatus"),
        @JsonSubTypes.Type(value = ExpirePlacement.class, name = "ExpirePlacement")
})
public sealed interface OrderCommand permits PlaceOrder, ChangeOrderStatus, ExpirePlacement {

    /** Unique per command; a repeated command id is a retry and changes nothing the second time. */
    String commandId();

    String orderId();

    /** The record key. */
    String storeId();

    Instant issuedAt();
}
