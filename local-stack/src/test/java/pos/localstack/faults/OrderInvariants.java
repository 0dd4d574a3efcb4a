package pos.localstack.faults;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import pos.inventory.domain.OrderLifecycle;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.value.OrderStatus;

/**
 * The orders' history on {@code pos.orders.events.v1}: per order, sequences 1, 2, 3... with no gap or repeat, each
 * change one the order lifecycle allows from the one before (pending first, then the store ledger's decision:
 * created, rejected, or cancelled before the placement arrived); and agreement with what the clients
 * were told, the compacted state topic and the orders read model.
 */
final class OrderInvariants {

    /** Each order's events in the order they were written. */
    static Map<String, List<OrderStatusChanged>> histories(List<OrderStatusChanged> events) {
        return events.stream()
                .collect(Collectors.groupingBy(OrderStatusChanged::orderId, LinkedHashMap::new, Collectors.toList()));
    }

    void check(ObservedState state, ClientLedger ledger, Consumer<String> violation) {
        var histories = histories(state.orderEvents());
        var eventIds = new HashSet<String>();
        state.orderEvents().stream()
                .filter(e -> !eventIds.add(e.eventId()))
                .forEach(e -> violation.accept("event " + e.eventId() + " written twice"));
        histories.forEach((orderId, history) -> checkHistory(orderId, history, violation));
        checkAgainstClients(histories, ledger, violation);
        histories.forEach((orderId, history) -> {
            var last = history.get(history.size() - 1);
            var snapshot = state.latestStates().get(orderId);
            if (snapshot == null || snapshot.sequence() != last.sequence() || snapshot.status() != last.status()) {
                violation.accept("state topic has " + describe(snapshot) + " for order " + orderId + ", events end at "
                        + last.status() + "#" + last.sequence());
            }
            var view = state.orderViews().get(orderId);
            if (view == null || view.sequence() != last.sequence() || view.status() != last.status()) {
                violation.accept("orders read model has " + view + " for order " + orderId + ", events end at "
                        + last.status() + "#" + last.sequence());
            }
        });
        state.orderViews().keySet().stream()
                .filter(id -> !histories.containsKey(id))
                .forEach(id -> violation.accept("orders read model has order " + id + " that Kafka never saw"));
        state.latestStates().keySet().stream()
                .filter(id -> !histories.containsKey(id))
                .forEach(id -> violation.accept("state topic has order " + id + " without events"));
    }

    /** Walks the history: every event must follow the one before as the lifecycle allows. */
    private void checkHistory(String orderId, List<OrderStatusChanged> history, Consumer<String> violation) {
        var sequences = history.stream().map(OrderStatusChanged::sequence).toList();
        for (int i = 0; i < sequences.size(); i++) {
            if (sequences.get(i) != i + 1) {
                violation.accept("order " + orderId + " has event sequences " + sequences);
                return;
            }
        }
        OrderStatus previous = null;
        for (var event : history) {
            if (event.previousStatus() != previous || !follows(previous, event.status())) {
                violation.accept("order " + orderId + ": " + event.previousStatus() + " -> " + event.status() + " #"
                        + event.sequence() + " is not a transition of the lifecycle (history "
                        + history.stream().map(e -> e.status().wireName()).toList() + ")");
                return;
            }
            previous = event.status();
        }
        if (history.get(history.size() - 1).status() == OrderStatus.PENDING) {
            violation.accept("order " + orderId + " is still pending");
        }
    }

    private static boolean follows(OrderStatus previous, OrderStatus next) {
        if (previous == null) {
            return next == OrderStatus.PENDING;
        }
        if (previous == OrderStatus.PENDING) {
            return next == OrderStatus.CREATED || next == OrderStatus.REJECTED || next == OrderStatus.CANCELLED;
        }
        return OrderLifecycle.allows(previous, next);
    }

    private static void checkAgainstClients(
            Map<String, List<OrderStatusChanged>> histories, ClientLedger ledger, Consumer<String> violation) {
        ledger.orderIdsByKey().forEach((key, ids) -> {
            if (ids.size() != 1) {
                violation.accept("Idempotency-Key " + key + " was answered with orders " + ids);
            }
        });
        var acknowledged = new HashSet<String>();
        for (var placed : ledger.orders()) {
            acknowledged.add(placed.orderId());
            var history = histories.get(placed.orderId());
            if (history == null) {
                violation.accept("order " + placed.orderId() + " (key " + placed.key() + ", answered " + placed.answer()
                        + ") has no events");
                continue;
            }
            var statuses = history.stream().map(OrderStatusChanged::status).toList();
            var order = history.get(0).order();
            if (!order.storeId().equals(placed.storeId())
                    || !sameQuantities(quantities(order.lines()), placed.qtyByProduct())) {
                violation.accept("order " + placed.orderId() + " holds other lines than were ordered");
            }
            if (placed.answer() != OrderStatus.PENDING && !statuses.contains(placed.answer())) {
                violation.accept("order " + placed.orderId() + " was answered " + placed.answer()
                        + " but its history is " + statuses);
            }
        }
        histories.keySet().stream()
                .filter(id -> !acknowledged.contains(id))
                .forEach(id -> violation.accept("order " + id + " exists but no client was told about it"));
        ledger.confirmedStatuses().forEach((orderId, confirmed) -> {
            var history = histories.getOrDefault(orderId, List.of());
            var statuses = history.stream().map(OrderStatusChanged::status).toList();
            if (!statuses.containsAll(confirmed)
                    || !statuses.isEmpty()
                            && statuses.get(statuses.size() - 1) != confirmed.get(confirmed.size() - 1)) {
                violation.accept("order " + orderId + ": clients were told " + confirmed + ", history is " + statuses);
            }
        });
    }

    static Map<String, java.math.BigDecimal> quantities(List<pos.schemas.value.OrderLine> lines) {
        return lines.stream()
                .collect(Collectors.toMap(
                        pos.schemas.value.OrderLine::productId,
                        pos.schemas.value.OrderLine::qty,
                        java.math.BigDecimal::add));
    }

    static boolean sameQuantities(Map<String, java.math.BigDecimal> a, Map<String, java.math.BigDecimal> b) {
        return a.keySet().equals(b.keySet())
                && a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    private static String describe(pos.schemas.value.OrderSnapshot snapshot) {
        return snapshot == null ? "nothing" : snapshot.status() + "#" + snapshot.sequence();
    }
}
