package pos.localstack.faults;

import pos.orderprocessor.domain.InventoryCommands;
import pos.orderprocessor.domain.OrderInput;
import pos.orderprocessor.domain.OrderState;
import pos.orderprocessor.domain.OrderStateMachine;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.PlaceOrder;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.event.StockReservationRejected;
import pos.schemas.event.StockReserved;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.StockLine;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The orders' history on {@code pos.orders.events.v1}: per order, sequences 1, 2, 3... with no gap or repeat, each
 * change one the order state machine itself would make from the one before; and agreement with what the clients
 * were told, the compacted state topic and the orders read model.
 */
final class OrderInvariants {

    private final OrderStateMachine stateMachine = new OrderStateMachine();

    /** Each order's events in the order they were written. */
    static Map<String, List<OrderStatusChanged>> histories(List<OrderStatusChanged> events) {
        return events.stream().collect(Collectors.groupingBy(OrderStatusChanged::orderId, LinkedHashMap::new,
                Collectors.toList()));
    }

    void check(ObservedState state, ClientLedger ledger, Consumer<String> violation) {
        var histories = histories(state.orderEvents());
        var eventIds = new HashSet<String>();
        state.orderEvents().stream().filter(e -> !eventIds.add(e.eventId()))
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
        state.orderViews().keySet().stream().filter(id -> !histories.containsKey(id))
                .forEach(id -> violation.accept("orders read model has order " + id + " that Kafka never saw"));
        state.latestStates().keySet().stream().filter(id -> !histories.containsKey(id))
                .forEach(id -> violation.accept("state topic has order " + id + " without events"));
    }

    /** Replays the history through the state machine: every event must be the one it would emit next. */
    private void checkHistory(String orderId, List<OrderStatusChanged> history, Consumer<String> violation) {
        var sequences = history.stream().map(OrderStatusChanged::sequence).toList();
        for (int i = 0; i < sequences.size(); i++) {
            if (sequences.get(i) != i + 1) {
                violation.accept("order " + orderId + " has event sequences " + sequences);
                return;
            }
        }
        OrderState current = null;
        for (var event : history) {
            var transition = stateMachine.apply(current, inputFor(event), event.occurredAt());
            var emitted = transition.events();
            if (emitted.size() != 1 || emitted.get(0).status() != event.status()
                    || emitted.get(0).sequence() != event.sequence()
                    || emitted.get(0).previousStatus() != event.previousStatus()) {
                violation.accept("order " + orderId + ": " + event.previousStatus() + " -> " + event.status() + " #"
                        + event.sequence() + " is not a transition of the lifecycle (history "
                        + history.stream().map(e -> e.status().wireName()).toList() + ")");
                return;
            }
            current = transition.next();
        }
        if (history.get(history.size() - 1).status() == OrderStatus.PENDING) {
            violation.accept("order " + orderId + " is still pending");
        }
    }

    private static OrderInput inputFor(OrderStatusChanged event) {
        var order = event.order();
        var at = event.occurredAt();
        return switch (event.status()) {
            case PENDING -> OrderInput.of(new PlaceOrder(event.causedBy(), order.orderId(), order.storeId(),
                    order.userId(), order.placedBy(), order.lines(), order.idempotencyKey(), at));
            case CREATED -> OrderInput.of(new StockReserved(InventoryCommands.reserveCommandId(order.orderId()),
                    order.orderId(), order.storeId(), order.lines().stream()
                    .map(l -> new StockLine(l.productId(), l.qty())).toList(), at));
            case REJECTED -> OrderInput.of(new StockReservationRejected(
                    InventoryCommands.reserveCommandId(order.orderId()), order.orderId(), order.storeId(),
                    order.shortages(), at));
            default -> OrderInput.of(new ChangeOrderStatus("replay-" + event.eventId(), order.orderId(),
                    event.status(), "invariant-check", at));
        };
    }

    private static void checkAgainstClients(Map<String, List<OrderStatusChanged>> histories, ClientLedger ledger,
            Consumer<String> violation) {
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
                violation.accept("order " + placed.orderId() + " (key " + placed.key() + ", answered "
                        + placed.answer() + ") has no events");
                continue;
            }
            var statuses = history.stream().map(OrderStatusChanged::status).toList();
            var order = history.get(0).order();
            if (!order.storeId().equals(placed.storeId()) || !sameQuantities(quantities(order.lines()), placed.qtyByProduct())) {
                violation.accept("order " + placed.orderId() + " holds other lines than were ordered");
            }
            if (placed.answer() != OrderStatus.PENDING && !statuses.contains(placed.answer())) {
                violation.accept("order " + placed.orderId() + " was answered " + placed.answer()
                        + " but its history is " + statuses);
            }
        }
        histories.keySet().stream().filter(id -> !acknowledged.contains(id))
                .forEach(id -> violation.accept("order " + id + " exists but no client was told about it"));
        ledger.confirmedStatuses().forEach((orderId, confirmed) -> {
            var history = histories.getOrDefault(orderId, List.of());
            var statuses = history.stream().map(OrderStatusChanged::status).toList();
            if (!statuses.containsAll(confirmed)
                    || !statuses.isEmpty() && statuses.get(statuses.size() - 1) != confirmed.get(confirmed.size() - 1)) {
                violation.accept("order " + orderId + ": clients were told " + confirmed + ", history is " + statuses);
            }
        });
    }

    static Map<String, java.math.BigDecimal> quantities(List<pos.schemas.value.OrderLine> lines) {
        return lines.stream().collect(Collectors.toMap(pos.schemas.value.OrderLine::productId,
                pos.schemas.value.OrderLine::qty, java.math.BigDecimal::add));
    }

    static boolean sameQuantities(Map<String, java.math.BigDecimal> a, Map<String, java.math.BigDecimal> b) {
        return a.keySet().equals(b.keySet())
                && a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    private static String describe(pos.schemas.value.OrderSnapshot snapshot) {
        return snapshot == null ? "nothing" : snapshot.status() + "#" + snapshot.sequence();
    }
}
