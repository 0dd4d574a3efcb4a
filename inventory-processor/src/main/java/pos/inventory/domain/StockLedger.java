package pos.inventory.domain;

import pos.schemas.command.AdjustStock;
import pos.schemas.command.CommitStock;
import pos.schemas.command.ReleaseStock;
import pos.schemas.command.ReserveStock;
import pos.schemas.event.ReservationResult;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockCommitted;
import pos.schemas.event.StockReleased;
import pos.schemas.event.StockReservationRejected;
import pos.schemas.event.StockReserved;
import pos.schemas.reply.Outcome;
import pos.schemas.reply.StockCommandReply;
import pos.schemas.value.Shortage;
import pos.schemas.value.StockLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stock rules of one store. Every method is a pure function of the command, the state it touches and the time;
 * it never oversells (0 <= reserved <= on hand always holds) and a repeated command changes nothing and gets the
 * answer it got the first time.
 *
 * <p>A reservation is a one-way lifecycle: reserved or rejected, then released or committed. Once it has ended,
 * release and commit answer the final result again (a release after a commit answers {@code StockCommitted}).
 * Two cases answer without a stored reservation: release of an unknown or rejected order ({@code StockReleased},
 * nothing to give back) and commit of an unknown order ({@code StockCommitted}, nothing to sell).
 */
public final class StockLedger {

    public static final String INSUFFICIENT_STOCK = "Insufficient stock";

    private final LowStockPolicy lowStock;

    public StockLedger(LowStockPolicy lowStock) {
        this.lowStock = lowStock;
    }

    public LedgerChange adjust(AdjustStock command, Optional<StockCommandReply> alreadySent, StockLookup stock,
            Instant now) {
        if (alreadySent.isPresent()) {
            return LedgerChange.answer(alreadySent.get());
        }
        ProductStock current = current(stock, command.storeId(), command.productId());
        AdjustOutcome outcome = current.adjust(command.delta(), now);
        if (outcome instanceof AdjustOutcome.Refused refused) {
            return LedgerChange.answer(reply(command, Outcome.REFUSED, refused.current(), refused.detail(), now));
        }
        Movements movements = movements(StockChange.ADJUSTED, command.commandId(), null, command.reason(), now);
        ProductStock after = movements.record(current, ((AdjustOutcome.Applied) outcome).after());
        return LedgerChange.adjusted(movements, reply(command, Outcome.APPLIED, after, null, now));
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

    public LedgerChange reserve(ReserveStock command, Optional<Reservation> existing, StockLookup stock,
            Instant now) {
        if (existing.isPresent()) {
            return LedgerChange.answer(existing.get().result());
        }
        String storeId = command.storeId();
        String orderId = command.orderId();
        ReservationDecision decision = check(storeId, command.lines(), stock);
        if (decision instanceof ReservationDecision.Rejected rejected) {
            return LedgerChange.decided(new Reservation(storeId, orderId, StockLines.merge(command.lines()),
                    ReservationStatus.REJECTED,
                    new StockReservationRejected(command.commandId(), orderId, storeId, rejected.shortages(), now)));
        }
        List<StockLine> lines = ((ReservationDecision.Reserved) decision).lines();
        Movements movements = movements(StockChange.RESERVED, command.commandId(), orderId, null, now);
        lines.forEach(line -> {
            ProductStock before = current(stock, storeId, line.productId());
            movements.record(before, before.reserve(line.qty(), now));
        });
        return LedgerChange.moved(movements, new Reservation(storeId, orderId, lines, ReservationStatus.RESERVED,
                new StockReserved(command.commandId(), orderId, storeId, command.lines(), now)));
    }

    public LedgerChange release(ReleaseStock command, Optional<Reservation> existing, StockLookup stock,
            Instant now) {
        var released = new StockReleased(command.commandId(), command.orderId(), command.storeId(), now);
        if (existing.isEmpty() || existing.get().status() == ReservationStatus.REJECTED) {
            return LedgerChange.answer(released);
        }
        return settle(existing.get(), ReservationStatus.RELEASED, released, stock, now);
    }

    public LedgerChange commit(CommitStock command, Optional<Reservation> existing, StockLookup stock,
            Instant now) {
        var committed = new StockCommitted(command.commandId(), command.orderId(), command.storeId(), now);
        if (existing.isEmpty()) {
            return LedgerChange.answer(committed);
        }
        return settle(existing.get(), ReservationStatus.COMMITTED, committed, stock, now);
    }

    /** Ends a live reservation (stock given back or sold); an ended one only answers its final result again. */
    private LedgerChange settle(Reservation reservation, ReservationStatus end, ReservationResult answer,
            StockLookup stock, Instant now) {
        if (reservation.status() != ReservationStatus.RESERVED) {
            return LedgerChange.answer(reservation.result());
        }
        boolean sold = end == ReservationStatus.COMMITTED;
        Movements movements = movements(sold ? StockChange.COMMITTED : StockChange.RELEASED, answer.commandId(),
                reservation.orderId(), null, now);
        reservation.lines().forEach(line -> {
            ProductStock before = current(stock, reservation.storeId(), line.productId());
            movements.record(before, sold ? before.commit(line.qty(), now) : before.release(line.qty(), now));
        });
        return LedgerChange.moved(movements, reservation.finish(end, answer));
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

    private static StockCommandReply reply(AdjustStock command, Outcome outcome, ProductStock stock, String detail,
            Instant now) {
        return new StockCommandReply(command.commandId(), command.storeId(), command.productId(), outcome,
                stock.toLevel(), detail, now);
    }
}
