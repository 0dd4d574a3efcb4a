package pos.api.order.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import pos.schemas.value.OrderStatus;

/** The kitchen's view of the order lifecycle: which orders are open and where a bump moves one. */
public final class OrderFlow {

    /** The orders a kitchen display shows: accepted and not yet handed over or cancelled. */
    public static final Set<OrderStatus> OPEN =
            EnumSet.of(OrderStatus.CREATED, OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY);

    private OrderFlow() {}

    /** The status one bump moves an order to, if it has one: created, confirmed, preparing, ready, completed. */
    public static Optional<OrderStatus> next(OrderStatus status) {
        return Optional.ofNullable(
                switch (status) {
                    case CREATED -> OrderStatus.CONFIRMED;
                    case CONFIRMED -> OrderStatus.PREPARING;
                    case PREPARING -> OrderStatus.READY;
                    case READY -> OrderStatus.COMPLETED;
                    case PENDING, REJECTED, COMPLETED, CANCELLED -> null;
                });
    }

    public static boolean isBump(OrderStatus from, OrderStatus to) {
        return next(from).filter(to::equals).isPresent();
    }
}
