package pos.schemas.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** Events of {@code pos.orders.events.v1}, keyed by order id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = OrderStatusChanged.class, name = "OrderStatusChanged")})
public sealed interface OrderEvent permits OrderStatusChanged {

    String eventId();

    String orderId();

    long sequence();

    Instant occurredAt();
}
