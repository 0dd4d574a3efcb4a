package pos.schemas.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Commands on {@code pos.orders.commands.v1}, keyed by store id (co-partitioned with
 * {@code pos.inventory.commands.v1}): inventory-processor's store ledger decides them together with the store's
 * stock; order-processor's placement deadline reads the placements. Most are about one order
 * ({@link SingleOrderCommand}); {@link ExpirePlacements} carries the expiries of many orders of one store.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PlaceOrder.class, name = "PlaceOrder"),
    @JsonSubTypes.Type(value = ChangeOrderStatus.class, name = "ChangeOrderStatus"),
    @JsonSubTypes.Type(value = ExpirePlacement.class, name = "ExpirePlacement"),
    @JsonSubTypes.Type(value = ExpirePlacements.class, name = "ExpirePlacements")
})
public sealed interface OrderCommand permits SingleOrderCommand, ExpirePlacements {

    /** Unique per command; a repeated command id is a retry and changes nothing the second time. */
    String commandId();

    /** The record key. */
    String storeId();

    Instant issuedAt();
}
