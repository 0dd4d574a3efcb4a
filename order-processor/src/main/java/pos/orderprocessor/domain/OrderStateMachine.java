package pos.orderprocessor.domain;

import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.PlaceOrder;

import java.time.Instant;
import java.util.Objects;

/**
 * Advances one order by one input. Pure: the same state, input and time always give the same transition, which is
 * what lets Kafka Streams replay an input after a crash without a second, different decision.
 */
public final class OrderStateMachine {

    private final OrderPlacement placement = new OrderPlacement();
    private final StatusChanges statusChanges = new StatusChanges();

    /**
     * @param current the order's state, or null if the order id is unknown
     * @param now when the input is processed; stamped on every change, event and reply
     */
    public Transition apply(OrderState current, OrderInput input, Instant now) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(now, "now");
        if (current != null && !current.order().orderId().equals(input.orderId())) {
            throw new IllegalArgumentException(
                    "input for order " + input.orderId() + " applied to order " + current.order().orderId());
        }
        if (input instanceof OrderInput.InventoryResult result) {
            return placement.decide(current, result.result(), now);
        }
        var command = ((OrderInput.Command) input).command();
        if (command instanceof PlaceOrder place) {
            return placement.place(current, place, now);
        }
        return statusChanges.change(current, (ChangeOrderStatus) command, now);
    }
}
