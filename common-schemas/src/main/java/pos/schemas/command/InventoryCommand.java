package pos.schemas.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Stock commands for inventory-processor on {@code pos.inventory.commands.v1}, keyed by store id, so one store's
 * stock is changed by one stream task, one command at a time.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AdjustStock.class, name = "AdjustStock"),
    @JsonSubTypes.Type(value = CountStock.class, name = "CountStock")
})
public sealed interface InventoryCommand permits AdjustStock, CountStock {

    String commandId();

    String storeId();

    Instant issuedAt();
}
