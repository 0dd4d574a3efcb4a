package pos.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.schemas.value.OrderStatus.COMPLETED;
import static pos.schemas.value.OrderStatus.CONFIRMED;
import static pos.schemas.value.OrderStatus.CREATED;
import static pos.schemas.value.OrderStatus.PENDING;
import static pos.schemas.value.OrderStatus.PREPARING;
import static pos.schemas.value.OrderStatus.READY;
import static pos.schemas.value.OrderStatus.REJECTED;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pos.localstack.faults.ClientLedger.Adjustment;
import pos.localstack.faults.ClientLedger.PlacedOrder;
import pos.localstack.faults.ObservedState.OrderView;
import pos.localstack.faults.ObservedState.StockView;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;
import pos.schemas.value.StockLevel;

/**
 * The checker must catch what the fault tests look for: a correct history passes, and each kind of corruption (a
 * doubled event, an oversold item, a doubled stock move, an illegal transition, a stale read model, an order no
 * client heard of) is reported.
 */
class SystemInvariantsTest {

    static final String STORE = "65a000000000000000000001";
    static final String PRODUCT = "65d000000000000000000001";
    static final String SOLD = "65b000000000000000000001";
    static final String REFUSED = "65b000000000000000000002";
    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    final List<OrderStatusChanged> orderEvents = new ArrayList<>();
    final List<StockChanged> stockChanges = new ArrayList<>();
    final Map<String, OrderView> orderViews = new HashMap<>();
    final Map<String, StockView> stockViews = new HashMap<>();
    final ClientLedger ledger = new ClientLedger();

    /** Stock 5; one order of 2 completed (stock 3), one order of 9 rejected. */
    SystemInvariantsTest() {
        ledger.adjusted(new Adjustment("initial", STORE, PRODUCT, new BigDecimal("5"), true));
        stock(StockChange.ADJUSTED, null, "5", "0");
        history(SOLD, "2", PENDING, CREATED);
        stock(StockChange.RESERVED, SOLD, "0", "2");
        history(SOLD, "2", CONFIRMED, PREPARING, READY, COMPLETED);
        stock(StockChange.COMMITTED, SOLD, "-2", "-2");
        history(REFUSED, "9", PENDING, REJECTED);
        ledger.placed(new PlacedOrder("key-1", SOLD, STORE, Map.of(PRODUCT, new BigDecimal("2")), CREATED));
        ledger.placed(new PlacedOrder("key-2", REFUSED, STORE, Map.of(PRODUCT, new BigDecimal("9")), REJECTED));
        List.of(CONFIRMED, PREPARING, READY, COMPLETED).forEach(s -> ledger.statusConfirmed(SOLD, s));
    }

    @Test
    void aCorrectHistoryHasNoViolations() {
        assertThat(violations()).isEmpty();
    }

    @Test
    void reportsAStatusEventWrittenTwice() {
        orderEvents.add(2, orderEvents.get(2));

        assertThat(violations())
                .anyMatch(v -> v.contains("written twice"))
                .anyMatch(v -> v.contains("has event sequences [1, 2, 3, 3, 4, 5, 6]"));
    }

    @Test
    void reportsAnOversoldItem() {
        stockChanges.add(change(StockChange.RESERVED, "other-order", "0", "4", "3", "4", 4));
        stockViews.put(
                ObservedState.item(STORE, PRODUCT),
                new StockView(new BigDecimal("3"), new BigDecimal("4"), new BigDecimal("-1"), 4));

        assertThat(violations()).anyMatch(v -> v.startsWith("oversold: " + STORE + ":" + PRODUCT + " at version 4"));
    }

    @Test
    void reportsAReservationCommittedTwice() {
        var commit = stockChanges.get(2);
        stockChanges.add(change(StockChange.COMMITTED, SOLD, "-2", "-2", "1", "-2", 4));

        assertThat(commit.change()).isEqualTo(StockChange.COMMITTED);
        assertThat(violations())
                .anyMatch(v -> v.contains("stock move " + SOLD + "/" + PRODUCT + "/COMMITTED happened 2"))
                .anyMatch(v -> v.contains("adjustments and orders make it on hand 3"));
    }

    @Test
    void reportsALostStatusEvent() {
        orderEvents.removeIf(e -> e.orderId().equals(SOLD) && e.status() == PREPARING);

        assertThat(violations()).anyMatch(v -> v.contains("has event sequences [1, 2, 3, 5, 6]"));
    }

    @Test
    void reportsATransitionTheLifecycleDoesNotAllow() {
        history(REFUSED, "9", CONFIRMED);

        assertThat(violations())
                .anyMatch(v -> v.startsWith(
                        "order " + REFUSED + ": REJECTED -> CONFIRMED #3 is not a transition of the lifecycle"));
    }

    @Test
    void reportsAReadModelBehindKafka() {
        orderViews.put(SOLD, new OrderView(READY, 5));

        assertThat(violations())
                .containsExactly("orders read model has OrderView[status=READY, sequence=5] for order " + SOLD
                        + ", events end at COMPLETED#6");
    }

    @Test
    void reportsAnOrderNoClientWasToldAboutAndAKeyAnsweredWithTwoOrders() {
        ledger.placed(new PlacedOrder("key-1", REFUSED, STORE, Map.of(PRODUCT, new BigDecimal("9")), REJECTED));
        history("65b000000000000000000003", "1", PENDING, REJECTED);

        assertThat(violations())
                .anyMatch(v -> v.startsWith("Idempotency-Key key-1 was answered with orders"))
                .anyMatch(v -> v.equals("order 65b000000000000000000003 exists but no client was told about it"));
    }

    @Test
    void reportsStockTheClientsNeverAdjusted() {
        ledger.adjusted(new Adjustment("refused", STORE, PRODUCT, new BigDecimal("-1"), false));
        ledger.adjusted(new Adjustment("lost", STORE, PRODUCT, new BigDecimal("2"), true));

        assertThat(violations()).anyMatch(v -> v.contains("has 1 adjustments (sum 5) on Kafka; clients had 2 applied"));
    }

    private List<String> violations() {
        var latest = new HashMap<String, OrderSnapshot>();
        orderEvents.forEach(e -> latest.put(e.orderId(), e.order()));
        return SystemInvariants.violations(
                new ObservedState(orderEvents, latest, stockChanges, 0, orderViews, stockViews), ledger);
    }

    private void history(String orderId, String qty, OrderStatus... statuses) {
        for (var status : statuses) {
            var previous = orderEvents.stream()
                    .filter(e -> e.orderId().equals(orderId))
                    .reduce((a, b) -> b);
            long sequence = previous.map(e -> e.sequence() + 1).orElse(1L);
            var shortages = status == REJECTED
                    ? List.of(new Shortage(PRODUCT, new BigDecimal(qty), BigDecimal.ONE))
                    : List.<Shortage>of();
            var order = new OrderSnapshot(
                    orderId,
                    sequence,
                    status,
                    STORE,
                    "user-1",
                    "user-1",
                    List.of(new OrderLine(PRODUCT, "SKU-1", "Burger", new BigDecimal(qty), new BigDecimal("2.50"))),
                    null,
                    null,
                    null,
                    shortages,
                    null,
                    AT,
                    AT);
            orderEvents.add(new OrderStatusChanged(
                    orderId + "/" + sequence,
                    orderId,
                    sequence,
                    previous.map(OrderStatusChanged::status).orElse(null),
                    status,
                    STORE,
                    order,
                    "cmd",
                    AT));
            orderViews.put(orderId, new OrderView(status, sequence));
        }
    }

    private void stock(StockChange kind, String orderId, String onHandDelta, String reservedDelta) {
        var before = stockChanges.isEmpty()
                ? null
                : stockChanges.get(stockChanges.size() - 1).stock();
        var onHand = (before == null ? BigDecimal.ZERO : before.onHand()).add(new BigDecimal(onHandDelta));
        var reserved = (before == null ? BigDecimal.ZERO : before.reserved()).add(new BigDecimal(reservedDelta));
        var change = change(
                kind,
                orderId,
                onHandDelta,
                reservedDelta,
                onHand.toPlainString(),
                reserved.toPlainString(),
                stockChanges.size() + 1);
        stockChanges.add(change);
        stockViews.put(
                ObservedState.item(STORE, PRODUCT),
                new StockView(
                        onHand,
                        reserved,
                        onHand.subtract(reserved),
                        change.stock().version()));
    }

    private static StockChanged change(
            StockChange kind,
            String orderId,
            String onHandDelta,
            String reservedDelta,
            String onHand,
            String reserved,
            long version) {
        var level = new StockLevel(
                STORE,
                PRODUCT,
                new BigDecimal(onHand),
                new BigDecimal(reserved),
                new BigDecimal(onHand).subtract(new BigDecimal(reserved)),
                version,
                AT,
                AT);
        return new StockChanged(
                "cmd-" + version + "/" + PRODUCT,
                STORE,
                PRODUCT,
                kind,
                new BigDecimal(onHandDelta),
                new BigDecimal(reservedDelta),
                level,
                null,
                orderId,
                "cmd-" + version,
                AT);
    }
}
