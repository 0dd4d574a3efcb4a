package pos.localstack.faults;

import static pos.localstack.faults.ObservedState.item;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.value.OrderStatus;

/**
 * Stock on {@code pos.inventory.events.v1}: never oversold at any event, versions 1, 2, 3... per (store, product),
 * every change adding up from the one before, each order's reservation moved exactly once per product, and the
 * stock at the end equal to what the clients' adjustments and the orders' final states say it must be, in Kafka
 * and in the inventory read model.
 */
final class StockInvariants {

    private static final Set<OrderStatus> HOLDING_STOCK =
            EnumSet.of(OrderStatus.CREATED, OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY);

    void check(ObservedState state, ClientLedger ledger, Consumer<String> violation) {
        var byItem = state.stockChanges().stream()
                .collect(Collectors.groupingBy(
                        c -> item(c.storeId(), c.productId()), LinkedHashMap::new, Collectors.toList()));
        byItem.forEach((item, changes) -> checkSequence(item, changes, violation));
        var expected = expectedStock(OrderInvariants.histories(state.orderEvents()), ledger);
        expected.forEach((item, stock) -> {
            var changes = byItem.getOrDefault(item, List.of());
            var last =
                    changes.isEmpty() ? null : changes.get(changes.size() - 1).stock();
            if (last == null
                    || last.onHand().compareTo(stock.onHand) != 0
                    || last.reserved().compareTo(stock.reserved) != 0) {
                violation.accept("stock of " + item + " is "
                        + (last == null ? "none" : "on hand " + last.onHand() + ", reserved " + last.reserved())
                        + "; adjustments and orders make it on hand "
                        + stock.onHand + ", reserved " + stock.reserved);
            }
            var adjusted = changes.stream()
                    .filter(c -> c.change() == StockChange.ADJUSTED)
                    .toList();
            var adjustedSum = adjusted.stream().map(StockChanged::onHandDelta).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (adjusted.size() != stock.adjustments || adjustedSum.compareTo(stock.adjustedSum) != 0) {
                violation.accept(item + " has " + adjusted.size() + " adjustments (sum " + adjustedSum
                        + ") on Kafka; clients had " + stock.adjustments + " applied (sum " + stock.adjustedSum + ")");
            }
        });
        byItem.keySet().stream()
                .filter(item -> !expected.containsKey(item))
                .forEach(item -> violation.accept("stock of " + item + " changed but nobody stocked it"));
        checkReservationMoves(state, violation);
        checkReadModel(state, byItem, violation);
    }

    /** Never oversold at any event, versions consecutive, and each change adds up from the previous quantities. */
    private static void checkSequence(String item, List<StockChanged> changes, Consumer<String> violation) {
        BigDecimal onHand = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        for (int i = 0; i < changes.size(); i++) {
            var change = changes.get(i);
            var stock = change.stock();
            if (stock.onHand().signum() < 0
                    || stock.reserved().signum() < 0
                    || stock.reserved().compareTo(stock.onHand()) > 0
                    || stock.available().signum() < 0
                    || stock.available().compareTo(stock.onHand().subtract(stock.reserved())) != 0) {
                violation.accept("oversold: " + item + " at version " + stock.version() + ": on hand " + stock.onHand()
                        + ", reserved " + stock.reserved() + ", available " + stock.available());
            }
            onHand = onHand.add(change.onHandDelta());
            reserved = reserved.add(change.reservedDelta());
            if (stock.version() != i + 1
                    || onHand.compareTo(stock.onHand()) != 0
                    || reserved.compareTo(stock.reserved()) != 0) {
                violation.accept(item + ": change " + (i + 1) + " (" + change.change() + " by " + change.commandId()
                        + ") has version " + stock.version() + " and quantities " + stock.onHand() + "/"
                        + stock.reserved() + ", the changes before it add up to " + onHand + "/" + reserved);
                return;
            }
        }
    }

    private record Expected(BigDecimal onHand, BigDecimal reserved, int adjustments, BigDecimal adjustedSum) {

        Expected plus(BigDecimal onHandDelta, BigDecimal reservedDelta, int adjusted, BigDecimal adjustedDelta) {
            return new Expected(
                    onHand.add(onHandDelta),
                    reserved.add(reservedDelta),
                    adjustments + adjusted,
                    adjustedSum.add(adjustedDelta));
        }
    }

    /** On hand = initial stock + adjustments - completed sales; reserved = what open orders hold. */
    private static Map<String, Expected> expectedStock(
            Map<String, List<OrderStatusChanged>> histories, ClientLedger ledger) {
        var zero = new Expected(BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO);
        var expected = new HashMap<String, Expected>();
        ledger.adjustments().stream()
                .filter(ClientLedger.Adjustment::applied)
                .forEach(a -> expected.merge(
                        item(a.storeId(), a.productId()),
                        zero.plus(a.delta(), BigDecimal.ZERO, 1, a.delta()),
                        (x, y) -> x.plus(y.onHand, y.reserved, y.adjustments, y.adjustedSum)));
        histories.values().forEach(history -> {
            var last = history.get(history.size() - 1);
            var order = last.order();
            boolean sold = last.status() == OrderStatus.COMPLETED;
            boolean holding = HOLDING_STOCK.contains(last.status());
            if (sold || holding) {
                OrderInvariants.quantities(order.lines())
                        .forEach((product, qty) -> expected.merge(
                                item(order.storeId(), product),
                                zero.plus(
                                        sold ? qty.negate() : BigDecimal.ZERO,
                                        holding ? qty : BigDecimal.ZERO,
                                        0,
                                        BigDecimal.ZERO),
                                (x, y) -> x.plus(y.onHand, y.reserved, y.adjustments, y.adjustedSum)));
            }
        });
        return expected;
    }

    /**
     * Per order and product: one reservation if stock was ever reserved, one release if it was cancelled after
     * that, one commit if it was completed; each by the line's quantity, none twice.
     */
    private static void checkReservationMoves(ObservedState state, Consumer<String> violation) {
        var moves = state.stockChanges().stream()
                .filter(c -> c.orderId() != null)
                .collect(Collectors.groupingBy(
                        c -> c.orderId() + "/" + c.productId() + "/" + c.change(), Collectors.toList()));
        var expectedMoves = new HashMap<String, BigDecimal>();
        OrderInvariants.histories(state.orderEvents()).forEach((orderId, history) -> {
            var statuses = history.stream().map(OrderStatusChanged::status).toList();
            var last = statuses.get(statuses.size() - 1);
            var quantities = OrderInvariants.quantities(history.get(0).order().lines());
            quantities.forEach((product, qty) -> {
                if (statuses.contains(OrderStatus.CREATED)) {
                    expectedMoves.put(orderId + "/" + product + "/" + StockChange.RESERVED, qty);
                }
                if (last == OrderStatus.CANCELLED) {
                    expectedMoves.put(orderId + "/" + product + "/" + StockChange.RELEASED, qty.negate());
                }
                if (last == OrderStatus.COMPLETED) {
                    expectedMoves.put(orderId + "/" + product + "/" + StockChange.COMMITTED, qty.negate());
                }
            });
        });
        moves.forEach((move, changes) -> {
            var qty = expectedMoves.get(move);
            if (qty == null
                    || changes.size() != 1
                    || changes.get(0).reservedDelta().compareTo(qty) != 0) {
                violation.accept("stock move " + move + " happened " + changes.size() + " time(s) by "
                        + changes.stream().map(StockChanged::reservedDelta).toList() + "; expected " + qty);
            }
        });
        expectedMoves.keySet().stream()
                .filter(move -> !moves.containsKey(move))
                .forEach(move -> violation.accept("stock move " + move + " never happened"));
    }

    private static void checkReadModel(
            ObservedState state, Map<String, List<StockChanged>> byItem, Consumer<String> violation) {
        byItem.forEach((item, changes) -> {
            var last = changes.get(changes.size() - 1).stock();
            var view = state.stockViews().get(item);
            if (view == null
                    || view.version() != last.version()
                    || view.onHand().compareTo(last.onHand()) != 0
                    || view.reserved().compareTo(last.reserved()) != 0
                    || view.available().compareTo(last.available()) != 0) {
                violation.accept("inventory read model has " + view + " for " + item + ", Kafka has version "
                        + last.version() + " " + last.onHand() + "/" + last.reserved() + "/" + last.available());
            }
        });
        state.stockViews().keySet().stream()
                .filter(item -> !byItem.containsKey(item))
                .forEach(item -> violation.accept("inventory read model has " + item + " that Kafka never saw"));
    }
}
