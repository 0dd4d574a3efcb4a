package pos.inventory.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.CountStock;
import pos.schemas.command.InventoryCommand;
import pos.schemas.event.StockChange;
import pos.schemas.reply.Outcome;
import pos.schemas.reply.StockCommandReply;
import pos.schemas.value.Shortage;

/**
 * The stock rules of one store. Every method is a pure function of the command, the state it touches and the time;
 * it never oversells (0 <= reserved <= on hand always holds) and a repeated command changes nothing and gets the
 * answer it got the first time.
 *
 * <p>Reservations belong to orders: {@link StoreLedger} decides when an order's lines are reserved, released or
 * committed (its lifecycle makes each happen at most once); this class only moves the quantities.
 */
public final class StockLedger {

    public static final String INSUFFICIENT_STOCK = "Insufficient stock";
    public static final String COUNT_BELOW_RESERVED = "Counted quantity is below the quantity reserved for orders";

    private final LowStockPolicy lowStock;

    public StockLedger(LowStockPolicy lowStock) {
        this.lowStock = lowStock;
    }

    /** An adjustment or a count, whichever {@code command} is. */
    public LedgerChange apply(
            InventoryCommand command, Optional<StockCommandReply> alreadySent, StockLookup stock, Instant now) {
        if (command instanceof CountStock count) {
            return count(count, alreadySent, stock, now);
        }
        return adjust((AdjustStock) command, alreadySent, stock, now);
    }

    public LedgerChange adjust(
            AdjustStock command, Optional<StockCommandReply> alreadySent, StockLookup stock, Instant now) {
        if (alreadySent.isPresent()) {
            return LedgerChange.answer(alreadySent.get());
        }
        ProductStock current = current(stock, command.storeId(), command.productId());
        String code = AdjustmentReasons.codeFor(command.reasonCode(), command.reason());
        return onHandChange(
                command,
                current,
                current.adjust(command.delta(), now),
                command.reason(),
                code,
                command.requestedBy(),
                now);
    }

    /**
     * A physical count: on hand becomes the counted quantity, decided here against the stock as it is when the
     * count is processed (not as the counter last saw it), so a count racing an order still leaves the order's
     * reservation in place and records exactly the difference found.
     */
    public LedgerChange count(
            CountStock command, Optional<StockCommandReply> alreadySent, StockLookup stock, Instant now) {
        if (alreadySent.isPresent()) {
            return LedgerChange.answer(alreadySent.get());
        }
        ProductStock current = current(stock, command.storeId(), command.productId());
        return onHandChange(
                command,
                current,
                current.count(command.counted(), now),
                command.note(),
                AdjustmentReasons.COUNT,
                command.requestedBy(),
                now);
    }

    private LedgerChange onHandChange(
            InventoryCommand command,
            ProductStock current,
            AdjustOutcome outcome,
            String note,
            String code,
            String requestedBy,
            Instant now) {
        String productId = current.productId();
        if (outcome instanceof AdjustOutcome.Refused refused) {
            return LedgerChange.answer(
                    reply(command, productId, Outcome.REFUSED, refused.current(), refused.detail(), now));
        }
        Movements movements =
                new Movements(lowStock, StockChange.ADJUSTED, command.commandId(), null, note, code, requestedBy, now);
        ProductStock after = movements.record(current, ((AdjustOutcome.Applied) outcome).after());
        return LedgerChange.adjusted(movements, reply(command, productId, Outcome.APPLIED, after, null, now));
    }

    /** Whether every line (repeated products summed) is covered by available stock. */
    public ReservationDecision check(String storeId, List<StockLine> lines, StockLookup stock) {
        List<StockLine> wanted = StockLines.merge(lines);
        List<Shortage> shortages = wanted.stream()
                .map(line -> shortage(line, current(stock, storeId, line.productId())))
                .flatMap(Optional::stream)
                .toList();
        return shortages.isEmpty()
                ? new ReservationDecision.Reserved(wanted)
                : new ReservationDecision.Rejected(shortages);
    }

    /**
     * Reserves lines that {@link #check} found covered (its {@code Reserved.lines()}), for an order placed by
     * {@code commandId}.
     */
    public StockMoves reserve(
            String storeId, String orderId, String commandId, List<StockLine> lines, StockLookup stock, Instant now) {
        Movements movements = movements(StockChange.RESERVED, commandId, orderId, null, now);
        StockLines.merge(lines).forEach(line -> {
            ProductStock before = current(stock, storeId, line.productId());
            movements.record(before, before.reserve(line.qty(), now));
        });
        return new StockMoves(movements.stocks(), movements.events());
    }

    /** Gives an order's reserved lines back (the order was cancelled). */
    public StockMoves release(
            String storeId, String orderId, String commandId, List<StockLine> lines, StockLookup stock, Instant now) {
        return settle(StockChange.RELEASED, storeId, orderId, commandId, lines, stock, now);
    }

    /** Turns an order's reserved lines into sold stock (the order was completed): on hand goes down. */
    public StockMoves commit(
            String storeId, String orderId, String commandId, List<StockLine> lines, StockLookup stock, Instant now) {
        return settle(StockChange.COMMITTED, storeId, orderId, commandId, lines, stock, now);
    }

    private StockMoves settle(
            StockChange change,
            String storeId,
            String orderId,
            String commandId,
            List<StockLine> lines,
            StockLookup stock,
            Instant now) {
        boolean sold = change == StockChange.COMMITTED;
        Movements movements = movements(change, commandId, orderId, null, now);
        StockLines.merge(lines).forEach(line -> {
            ProductStock before = current(stock, storeId, line.productId());
            movements.record(before, sold ? before.commit(line.qty(), now) : before.release(line.qty(), now));
        });
        return new StockMoves(movements.stocks(), movements.events());
    }

    private Movements movements(StockChange change, String commandId, String orderId, String reason, Instant now) {
        return new Movements(lowStock, change, commandId, orderId, reason, now);
    }

    private static ProductStock current(StockLookup stock, String storeId, String productId) {
        return stock.find(productId).orElseGet(() -> ProductStock.none(storeId, productId));
    }

    private static Optional<Shortage> shortage(StockLine line, ProductStock stock) {
        BigDecimal available = stock.available();
        return stock.covers(line.qty())
                ? Optional.empty()
                : Optional.of(new Shortage(line.productId(), line.qty(), available));
    }

    private static StockCommandReply reply(
            InventoryCommand command,
            String productId,
            Outcome outcome,
            ProductStock stock,
            String detail,
            Instant now) {
        return new StockCommandReply(
                command.commandId(), command.storeId(), productId, outcome, stock.toLevel(), detail, now);
    }
}
