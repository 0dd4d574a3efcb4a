package pos.orderprocessor.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import pos.schemas.event.OrderStatusChanged;

/**
 * Business counter per store: {@code pos_orders_status_changes_total{status, store_id}}, one per order that
 * reached a status ({@code status="created"}, {@code "rejected"}, {@code "cancelled"}, ...). One counter with a
 * status label rather than one per status: Prometheus reserves the {@code _created} suffix, so a counter named
 * {@code pos.orders.created} would be exported under another name. Counted when the event is emitted: a Streams
 * transaction that aborts and is retried counts its events again, so these are at-least-once counts.
 */
final class OrderMetrics {

    static final String STATUS_CHANGES = "pos.orders.status.changes";

    private final MeterRegistry meters;

    OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void statusChanged(OrderStatusChanged changed) {
        Counter.builder(STATUS_CHANGES)
                .description("Orders that reached a status, per status and store")
                .tag("status", changed.status().wireName())
                .tag("store_id", changed.storeId())
                .register(meters)
                .increment();
    }
}
