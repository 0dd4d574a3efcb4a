package pos.inventory.domain;

import static pos.schemas.value.OrderStatus.CANCELLED;
import static pos.schemas.value.OrderStatus.COMPLETED;
import static pos.schemas.value.OrderStatus.CONFIRMED;
import static pos.schemas.value.OrderStatus.CREATED;
import static pos.schemas.value.OrderStatus.PENDING;
import static pos.schemas.value.OrderStatus.PREPARING;
import static pos.schemas.value.OrderStatus.READY;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import pos.schemas.value.OrderStatus;

/**
 * The statuses a client may move an order to. {@code pending} and {@code rejected} are decided by stock, so no
 * client transition leads to them; a pending order (its placement not yet decided) can only be cancelled;
 * completed, cancelled and rejected are final.
 */
public final class OrderLifecycle {

    private static final Map<OrderStatus, List<OrderStatus>> NEXT = new EnumMap<>(Map.of(
            PENDING, List.of(CANCELLED),
            CREATED, List.of(CONFIRMED, CANCELLED),
            CONFIRMED, List.of(PREPARING, CANCELLED),
            PREPARING, List.of(READY, CANCELLED),
            READY, List.of(COMPLETED, CANCELLED)));

    private OrderLifecycle() {}

    public static List<OrderStatus> allowedNext(OrderStatus from) {
        return NEXT.getOrDefault(from, List.of());
    }

    public static boolean allows(OrderStatus from, OrderStatus to) {
        return allowedNext(from).contains(to);
    }

    public static boolean clientSettable(OrderStatus status) {
        return status != OrderStatus.PENDING && status != OrderStatus.REJECTED;
    }
}
