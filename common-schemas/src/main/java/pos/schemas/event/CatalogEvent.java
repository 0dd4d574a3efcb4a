package pos.schemas.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** Events of {@code pos.catalog.products.v1}, keyed by product id (compacted: the latest per product stays). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = ProductChanged.class, name = "ProductChanged")})
public sealed interface CatalogEvent permits ProductChanged {

    String eventId();

    String productId();

    Instant occurredAt();
}
