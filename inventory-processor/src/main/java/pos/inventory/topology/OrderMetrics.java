package pos.inventory.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import pos.schemas.event.OrderStatusChanged;

/**
 * Business counters: {@code pos_orders_status_changes_total{status}}, one per order that reached a status
 * ({@code status="created"}, {@code "rejected"}, {@code "cancelled"}, ...), and
 * {@code pos_inventory_reservations_refused_total}, placements refused for want of stock. One counter with a
 * status label rather than one per status: Prometheus reserves the {@code _created} suffix. No store label: store
 * ids are chosen by clients, so it would let anyone with a token add series without bound (per-store figures come
 * from the order and stock events). Counted when emitted: a Streams transaction that aborts and is retried counts
 * again, so these are at-least-once counts.
 */
final class OrderMetrics {

    static final String STATUS_CHANGES = "pos.orders.status.changes";
    static final String RESERVATIONS_REFUSED = "pos.inventory.reservations.refused";

    private final MeterRegistry meters;

    OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void statusChanged(OrderStatusChanged changed) {
        Counter.builder(STATUS_CHANGES)
                .description("Orders that reached a status, per status")
                .tag("status", changed.status().wireName())
                .register(meters)
                .increment();
    }

    void reservationRefused(String storeId) {
        Counter.builder(RESERVATIONS_REFUSED)
                .description("Reservations refused because a line was short of stock")
                .register(meters)
                .increment();
    }
}
