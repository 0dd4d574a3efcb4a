package pos.inventory.domain;

import pos.schemas.command.AdjustStock;
import pos.schemas.command.CommitStock;
import pos.schemas.command.ReleaseStock;
import pos.schemas.command.ReserveStock;
import pos.schemas.reply.StockCommandReply;
import pos.schemas.value.StockLine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One store's state in memory, changed the way the Streams processor changes it: state in, ledger decides,
 * changes saved. Checks the stock invariants after every command.
 */
final class LedgerHarness {

    static final String STORE = "65a000000000000000000001";
    static final String APPLE = "65d000000000000000000001";
    static final String PEAR = "65d000000000000000000002";
    static final String PLUM = "65d000000000000000000003";
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    final Map<String, ProductStock> stocks = new HashMap<>();
    final Map<String, Reservation> reservations = new HashMap<>();
    final Map<String, StockCommandReply> replies = new HashMap<>();
    final List<LedgerChange> changes = new ArrayList<>();
    private final StockLedger ledger;
    private Instant now = T0;
    private int sequence;

    LedgerHarness(LowStockPolicy lowStock) {
        this.ledger = new StockLedger(lowStock);
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

    LedgerChange reserve(String orderId, StockLine... lines) {
        return reserve("reserve-" + (++sequence), orderId, lines);
    }

    LedgerChange reserve(String commandId, String orderId, StockLine... lines) {
        var command = new ReserveStock(commandId, STORE, orderId, List.of(lines), now);
        return saved(ledger.reserve(command, reservation(orderId), this::find, tick()));
    }

    LedgerChange release(String orderId) {
        return release("release-" + (++sequence), orderId);
    }

    LedgerChange release(String commandId, String orderId) {
        var command = new ReleaseStock(commandId, STORE, orderId, now);
        return saved(ledger.release(command, reservation(orderId), this::find, tick()));
    }

    LedgerChange commit(String orderId) {
        return commit("commit-" + (++sequence), orderId);
    }

    LedgerChange commit(String commandId, String orderId) {
        var command = new CommitStock(commandId, STORE, orderId, now);
        return saved(ledger.commit(command, reservation(orderId), this::find, tick()));
    }

    private Optional<ProductStock> find(String productId) {
        return Optional.ofNullable(stocks.get(productId));
    }

    private Optional<Reservation> reservation(String orderId) {
        return Optional.ofNullable(reservations.get(orderId));
    }

    private Instant tick() {
        now = now.plus(Duration.ofSeconds(1));
        return now;
    }

    private LedgerChange saved(LedgerChange change) {
        change.stocks().forEach(stock -> stocks.put(stock.productId(), stock));
        change.reservation().ifPresent(reservation -> reservations.put(reservation.orderId(), reservation));
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
