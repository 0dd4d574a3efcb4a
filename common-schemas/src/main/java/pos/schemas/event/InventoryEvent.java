package pos.schemas.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** Events of {@code pos.inventory.events.v1}, keyed by store id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StockChanged.class, name = "StockChanged"),
    @JsonSubTypes.Type(value = StockLevelLow.class, name = "StockLevelLow")
})
public sealed interface InventoryEvent permits StockChanged, StockLevelLow {

    String eventId();

    String storeId();

    String productId();

    Instant occurredAt();
}
