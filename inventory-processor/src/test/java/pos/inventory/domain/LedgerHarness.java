package pos.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.CountStock;
import pos.schemas.command.ExpirePlacement;
import pos.schemas.command.ExpirePlacements;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.PlaceOrder;
import pos.schemas.command.SingleOrderCommand;
import pos.schemas.reply.StockCommandReply;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderStatus;

/**
 * One store's state in memory, changed the way the Streams processor changes it: state in, ledger decides,
 * changes saved. Reservations are made by placing orders, released by cancelling them and committed by completing
 * them. Checks the stock invariants after every command.
 */
final class LedgerHarness {

    static final String STORE = "65a000000000000000000001";
    static final String USER = "65c000000000000000000001";
    static final String APPLE = "65d000000000000000000001";
    static final String PEAR = "65d000000000000000000002";
    static final String PLUM = "65d000000000000000000003";
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    final Map<String, ProductStock> stocks = new HashMap<>();
    final Map<String, OrderState> orders = new HashMap<>();
    final Map<String, StockCommandReply> replies = new HashMap<>();
    final List<LedgerChange> changes = new ArrayList<>();
    final List<LedgerDecision> decisions = new ArrayList<>();
    private final StockLedger ledger;
    private final StoreLedger storeLedger;
    private Instant now = T0;
    private int sequence;

    LedgerHarness(LowStockPolicy lowStock) {
        this.ledger = new StockLedger(lowStock);
        this.storeLedger = new StoreLedger(ledger);
    }

    LedgerHarness() {
        this(LowStockPolicy.uniform(BigDecimal.ZERO));
    }

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    static StockLine line(String productId, String qty) {
        return new StockLine(productId, qty(qty));
    }

    static List<OrderLine> orderLines(StockLine... lines) {
        return Arrays.stream(lines)
                .map(line -> new OrderLine(line.productId(), null, "Product", line.qty(), BigDecimal.ONE))
                .toList();
    }

    Instant now() {
        return now;
    }

    ProductStock stock(String productId) {
        return stocks.getOrDefault(productId, ProductStock.none(STORE, productId));
    }

    LedgerChange adjust(String productId, String delta) {
        return adjust("adjust-" + (++sequence), productId, delta);
    }

    LedgerChange adjust(String commandId, String productId, String delta) {
        var command = new AdjustStock(commandId, STORE, productId, qty(delta), "delivery", "user", now);
        LedgerChange change = ledger.adjust(command, Optional.ofNullable(replies.get(commandId)), this::find, tick());
        change.reply().ifPresent(reply -> replies.putIfAbsent(commandId, reply));
        return saved(change);
    }

    /** Any stock command (an adjustment with a reason code, a count), deduplicated by command id. */
    LedgerChange apply(InventoryCommand command) {
        String commandId = command.commandId();
        LedgerChange change = ledger.apply(command, Optional.ofNullable(replies.get(commandId)), this::find, tick());
        change.reply().ifPresent(reply -> replies.putIfAbsent(commandId, reply));
        return saved(change);
    }

    LedgerChange count(String commandId, String productId, String counted) {
        return apply(new CountStock(commandId, STORE, productId, qty(counted), "shelf count", USER, now));
    }

    /** Places an order of these lines: reserves them all or rejects the order. */
    LedgerChange reserve(String orderId, StockLine... lines) {
        return reserve("reserve-" + (++sequence), orderId, lines);
    }

    LedgerChange reserve(String commandId, String orderId, StockLine... lines) {
        return asChange(decide(new PlaceOrder(commandId, orderId, STORE, USER, USER, orderLines(lines), null, now)));
    }

    /** Cancels the order: its reservation is given back. */
    LedgerChange release(String orderId) {
        return release("release-" + (++sequence), orderId);
    }

    LedgerChange release(String commandId, String orderId) {
        return asChange(decide(status(commandId, orderId, OrderStatus.CANCELLED)));
    }

    /** Walks the order through its lifecycle to completed: its reservation is sold. */
    LedgerChange commit(String orderId) {
        return commit("commit-" + (++sequence), orderId);
    }

    LedgerChange commit(String commandId, String orderId) {
        var steps = new ArrayList<LedgerDecision>();
        for (var next : List.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY)) {
            var current = orders.get(orderId);
            if (current != null && OrderLifecycle.allows(current.status(), next)) {
                steps.add(decide(status(commandId + "-" + next.wireName(), orderId, next)));
            }
        }
        steps.add(decide(status(commandId, orderId, OrderStatus.COMPLETED)));
        var stockEvents = steps.stream().flatMap(d -> d.stockEvents().stream()).toList();
        var stockChanges = steps.stream().flatMap(d -> d.stocks().stream()).toList();
        return record(new LedgerChange(stockChanges, stockEvents, Optional.empty()));
    }

    LedgerDecision expire(String orderId) {
        return decide(new ExpirePlacement(ExpirePlacement.commandIdFor(orderId), orderId, STORE, now));
    }

    /** The placement deadline's batch for these orders: the decision of each order whose expiry changes it. */
    Map<ExpirePlacement, LedgerDecision> expireAll(String... orderIds) {
        var decided =
                storeLedger.expire(ExpirePlacements.of(STORE, List.of(orderIds), now), orders::containsKey, tick());
        decided.values().forEach(decision -> {
            decision.state().ifPresent(state -> orders.put(state.order().orderId(), state));
            decision.stocks().forEach(stock -> stocks.put(stock.productId(), stock));
            decisions.add(decision);
        });
        stocks.values().forEach(LedgerHarness::assertInvariants);
        return decided;
    }

    LedgerDecision decide(SingleOrderCommand command) {
        var decision = storeLedger.decide(orders.get(command.orderId()), command, this::find, tick());
        decision.state().ifPresent(state -> orders.put(command.orderId(), state));
        decision.stocks().forEach(stock -> stocks.put(stock.productId(), stock));
        decisions.add(decision);
        stocks.values().forEach(LedgerHarness::assertInvariants);
        return decision;
    }

    ChangeOrderStatus status(String commandId, String orderId, OrderStatus status) {
        return new ChangeOrderStatus(commandId, orderId, STORE, status, USER, now);
    }

    private LedgerChange asChange(LedgerDecision decision) {
        return record(new LedgerChange(decision.stocks(), decision.stockEvents(), Optional.empty()));
    }

    private LedgerChange record(LedgerChange change) {
        changes.add(change);
        return change;
    }

    Optional<ProductStock> find(String productId) {
        return Optional.ofNullable(stocks.get(productId));
    }

    private Instant tick() {
        now = now.plus(Duration.ofSeconds(1));
        return now;
    }

    private LedgerChange saved(LedgerChange change) {
        change.stocks().forEach(stock -> stocks.put(stock.productId(), stock));
        changes.add(change);
        stocks.values().forEach(LedgerHarness::assertInvariants);
        return change;
    }

    static void assertInvariants(ProductStock stock) {
        assertThat(stock.onHand()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(stock.reserved()).isBetween(BigDecimal.ZERO, stock.onHand());
        assertThat(stock.available()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    }
}
