package pos.orderprocessor.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.value.OrderStatus;

import java.util.Locale;
import java.util.Set;

/**
 * Business counters per store: {@code pos_orders_created_total}, {@code pos_orders_rejected_total} and
 * {@code pos_orders_cancelled_total}, tagged {@code store_id}. Counted when the event is emitted: a Streams
 * transaction that aborts and is retried counts its events again, so these are at-least-once counts.
 */
final class OrderMetrics {

    private static final Set<OrderStatus> COUNTED = Set.of(OrderStatus.CREATED, OrderStatus.REJECTED,
            OrderStatus.CANCELLED);

    private final MeterRegistry meters;

    OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void statusChanged(OrderStatusChanged changed) {
        if (COUNTED.contains(changed.status())) {
            Counter.builder("pos.orders." + changed.status().name().toLowerCase(Locale.ROOT))
                    .description("Orders that became " + changed.status().name().toLowerCase(Locale.ROOT))
                    .tag("store_id", changed.storeId())
                    .register(meters)
                    .increment();
        }
    }
}
