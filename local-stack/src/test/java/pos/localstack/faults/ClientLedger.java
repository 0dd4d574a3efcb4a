package pos.localstack.faults;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import pos.schemas.value.OrderStatus;

/**
 * What the API told the clients, written by many till threads: the orders it acknowledged (and under which
 * Idempotency-Key), the statuses it confirmed, the stock adjustments it applied or refused, and every answer no
 * correct system should give. The invariant check compares this with what Kafka and the read models hold.
 */
final class ClientLedger {

    /** An order placement the API answered finally (200 created, 400 rejected) or only with 202 pending. */
    record PlacedOrder(
            String key, String orderId, String storeId, Map<String, BigDecimal> qtyByProduct, OrderStatus answer) {}

    record Adjustment(String key, String storeId, String productId, BigDecimal delta, boolean applied) {}

    private final Map<String, PlacedOrder> ordersByKey = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> orderIdsByKey = new ConcurrentHashMap<>();
    private final Map<String, List<OrderStatus>> confirmedStatuses = new ConcurrentHashMap<>();
    private final Map<String, Adjustment> adjustments = new ConcurrentHashMap<>();
    private final List<String> anomalies = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Every answer for one key is recorded: all of them must name the same order. */
    void placed(PlacedOrder order) {
        orderIdsByKey
                .computeIfAbsent(order.key(), k -> ConcurrentHashMap.newKeySet())
                .add(order.orderId());
        ordersByKey.merge(
                order.key(), order, (earlier, later) -> later.answer() == OrderStatus.PENDING ? earlier : later);
    }

    /** A 200 to a status change: the order had (or now has) that status. */
    void statusConfirmed(String orderId, OrderStatus status) {
        confirmedStatuses
                .computeIfAbsent(orderId, id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(status);
    }

    void adjusted(Adjustment adjustment) {
        if (adjustments.putIfAbsent(adjustment.key(), adjustment) != null) {
            anomaly("adjustment key " + adjustment.key() + " answered twice");
        }
    }

    void anomaly(String what) {
        anomalies.add(what);
    }

    List<PlacedOrder> orders() {
        return List.copyOf(ordersByKey.values());
    }

    Map<String, Set<String>> orderIdsByKey() {
        return Map.copyOf(orderIdsByKey);
    }

    Map<String, List<OrderStatus>> confirmedStatuses() {
        var copy = new java.util.HashMap<String, List<OrderStatus>>();
        confirmedStatuses.forEach((id, statuses) -> {
            synchronized (statuses) {
                copy.put(id, List.copyOf(statuses));
            }
        });
        return copy;
    }

    List<Adjustment> adjustments() {
        return List.copyOf(adjustments.values());
    }

    List<String> anomalies() {
        synchronized (anomalies) {
            return List.copyOf(anomalies);
        }
    }
}
