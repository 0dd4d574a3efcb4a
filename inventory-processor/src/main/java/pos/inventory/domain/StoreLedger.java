package pos.inventory.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.ExpirePlacement;
import pos.schemas.command.ExpirePlacements;
import pos.schemas.command.PlaceOrder;
import pos.schemas.command.SingleOrderCommand;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;
import pos.schemas.value.StockLevel;

/**
 * The orders and the stock of one store, decided together: every order command is one decision that moves the
 * order and its stock at once (reserve all or nothing on placement, release on cancel, commit on complete). Pure:
 * the same state, command and time always give the same decision, which is what lets Kafka Streams replay a command
 * after a crash without a second, different outcome.
 *
 * <p>An order's history on the events topic always starts with {@code pending} (sequence 1) followed by its
 * decision (sequence 2), both emitted by the one decision that placed it. An order the ledger has never seen can
 * still be rejected (its placement was not decided in time) or cancelled; it is then remembered without lines and
 * any later placement of it is refused, so a late PlaceOrder never reserves stock for an order already answered.
 */
public final class StoreLedger {

    public static final String NOT_DECIDED_IN_TIME = "Not decided in time";
    public static final String STILL_PENDING = "Order is still pending";

    private final StockLedger stock;

    public StoreLedger(StockLedger stock) {
        this.stock = Objects.requireNonNull(stock, "stock");
    }

    /**
     * @param current the order's state in this store, or null if the ledger has never seen the order
     * @param now when the command is processed; stamped on every change, event and reply
     */
    public LedgerDecision decide(OrderState current, SingleOrderCommand command, StockLookup lookup, Instant now) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        if (current != null && !current.order().orderId().equals(command.orderId())) {
            throw new IllegalArgumentException("command for order " + command.orderId() + " applied to order "
                    + current.order().orderId());
        }
        if (command instanceof PlaceOrder place) {
            return place(current, place, lookup, now);
        }
        if (command instanceof ChangeOrderStatus change) {
            return change(current, change, lookup, now);
        }
        return expire(current, (ExpirePlacement) command, now);
    }

    LedgerDecision place(OrderState current, PlaceOrder place, StockLookup lookup, Instant now) {
        if (current != null) {
            return LedgerDecision.replyOnly(placementAnsweredAgain(current, place, lookup, now));
        }
        var subtotal = OrderSnapshot.subtotalOf(place.lines());
        var pending = new OrderState(
                new OrderSnapshot(
                        place.orderId(),
                        1,
                        OrderStatus.PENDING,
                        place.storeId(),
                        place.userId(),
                        place.placedBy(),
                        place.lines(),
                        subtotal,
                        null,
                        subtotal,
                        List.of(),
                        place.idempotencyKey(),
                        now,
                        now,
                        place.occurredAt()),
                place.commandId(),
                List.of());
        var placed = OrderMessages.statusChanged(null, pending.order(), place.commandId(), now);
        var lines = pending.stockLines();
        var decision = stock.check(place.storeId(), lines, lookup);
        if (decision instanceof ReservationDecision.Rejected rejection) {
            var rejected = pending.movedTo(OrderStatus.REJECTED, rejection.shortages(), now);
            var reply = OrderMessages.refused(
                    place.commandId(),
                    place.orderId(),
                    rejected.order(),
                    insufficientStock(rejection.shortages()),
                    List.of(),
                    List.of(),
                    now);
            return LedgerDecision.changed(
                    rejected, List.of(placed, decided(pending, rejected, place, now)), StockMoves.none(), reply);
        }
        var moves = stock.reserve(
                place.storeId(),
                place.orderId(),
                place.commandId(),
                ((ReservationDecision.Reserved) decision).lines(),
                lookup,
                now);
        var created = pending.movedTo(OrderStatus.CREATED, List.of(), now);
        var reply = OrderMessages.reply(
                place.commandId(), Outcome.APPLIED, created.order(), levels(lines, lookup, moves), now);
        return LedgerDecision.changed(created, List.of(placed, decided(pending, created, place, now)), moves, reply);
    }

    /** A placement of an order already known: a retry gets the decision again, any other placement is refused. */
    private static OrderCommandReply placementAnsweredAgain(
            OrderState current, PlaceOrder place, StockLookup lookup, Instant now) {
        var order = current.order();
        var levels = levels(current.stockLines(), lookup, StockMoves.none());
        if (!place.commandId().equals(current.placeCommandId())) {
            return OrderMessages.refused(
                    place.commandId(),
                    order.orderId(),
                    order,
                    "Order " + order.orderId() + " was already "
                            + order.status().wireName()
                            + (current.placeCommandId() == null && order.status() == OrderStatus.REJECTED
                                    ? ": " + NOT_DECIDED_IN_TIME
                                    : ""),
                    List.of(),
                    levels,
                    now);
        }
        if (order.status() == OrderStatus.REJECTED) {
            return OrderMessages.refused(
                    place.commandId(),
                    order.orderId(),
                    order,
                    insufficientStock(order.shortages()),
                    List.of(),
                    levels,
                    now);
        }
        return OrderMessages.reply(place.commandId(), Outcome.UNCHANGED, order, levels, now);
    }

    LedgerDecision change(OrderState current, ChangeOrderStatus command, StockLookup lookup, Instant now) {
        if (current == null) {
            return command.status() == OrderStatus.CANCELLED
                    ? unplaced(
                            command.orderId(),
                            command.storeId(),
                            OrderStatus.CANCELLED,
                            command.commandId(),
                            Outcome.APPLIED,
                            null,
                            now)
                    : LedgerDecision.replyOnly(OrderMessages.refused(
                            command.commandId(),
                            command.orderId(),
                            notYetPlaced(command.orderId(), command.storeId(), now),
                            STILL_PENDING,
                            OrderLifecycle.allowedNext(OrderStatus.PENDING),
                            List.of(),
                            now));
        }
        var earlier = current.handled(command.commandId());
        if (earlier.isPresent()) {
            return LedgerDecision.replyOnly(answeredAgain(current, earlier.get(), lookup, now));
        }
        var from = current.status();
        var to = command.status();
        if (from == to && OrderLifecycle.clientSettable(to)) {
            var reply = OrderMessages.reply(command.commandId(), Outcome.UNCHANGED, current.order(), List.of(), now);
            return LedgerDecision.remembered(
                    current.remembering(new HandledCommand(command.commandId(), Outcome.UNCHANGED, from, to)), reply);
        }
        if (!OrderLifecycle.allows(from, to)) {
            var reply = OrderMessages.refused(
                    command.commandId(),
                    command.orderId(),
                    current.order(),
                    cannotChange(from, to),
                    OrderLifecycle.allowedNext(from),
                    List.of(),
                    now);
            return LedgerDecision.remembered(
                    current.remembering(new HandledCommand(command.commandId(), Outcome.REFUSED, from, to)), reply);
        }
        var moved = current.movedTo(to, current.order().shortages(), now)
                .remembering(new HandledCommand(command.commandId(), Outcome.APPLIED, from, to));
        var moves = stockEffect(current, to, command.commandId(), lookup, now);
        var stockAfter = settles(to) ? levels(current.stockLines(), lookup, moves) : List.<StockLevel>of();
        var reply = OrderMessages.reply(command.commandId(), Outcome.APPLIED, moved.order(), stockAfter, now);
        var event = OrderMessages.statusChanged(from, moved.order(), command.commandId(), now);
        return LedgerDecision.changed(moved, List.of(event), moves, reply);
    }

    /**
     * The placement deadline's expiries of one store, decided as one {@link ExpirePlacement} per order would be
     * (ignored for a known order; an unknown one is rejected, replied to under its own expiry command id). The
     * order ids of a batch are distinct, so each decision depends only on its own order's state.
     *
     * @param known whether the ledger has seen an order of the batch's store: an expiry needs nothing more of it,
     *              so the caller need not read the order's state
     * @return the decision of each order's expiry that changes something, in batch order
     */
    public Map<ExpirePlacement, LedgerDecision> expire(ExpirePlacements batch, Predicate<String> known, Instant now) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(now, "now");
        var decisions = new LinkedHashMap<ExpirePlacement, LedgerDecision>();
        for (String orderId : batch.orderIds()) {
            var expiry = batch.expiryOf(orderId);
            var decision = known.test(orderId) ? LedgerDecision.none() : expire(null, expiry, now);
            if (decision.state().isPresent() || decision.reply().isPresent()) {
                decisions.put(expiry, decision);
            }
        }
        return decisions;
    }

    LedgerDecision expire(OrderState current, ExpirePlacement expire, Instant now) {
        if (current != null) {
            return LedgerDecision.none();
        }
        return unplaced(
                expire.orderId(),
                expire.storeId(),
                OrderStatus.REJECTED,
                expire.commandId(),
                Outcome.REFUSED,
                NOT_DECIDED_IN_TIME,
                now);
    }

    /**
     * The store's order expiry has passed for this order: a {@code created} order nobody confirmed is cancelled with
     * {@code cancel_reason: "expired"} and its stock released, as if a cancel had arrived (no reply: nobody asked).
     * An order that moved on (confirmed, cancelled...) or that the ledger does not know is left alone.
     */
    public LedgerDecision expireUnconfirmed(OrderState current, StockLookup lookup, Instant now) {
        if (current == null || current.status() != OrderStatus.CREATED) {
            return LedgerDecision.none();
        }
        var order = current.order();
        var causedBy = OrderExpiry.causeOf(order.orderId());
        var expired = current.expired(now)
                .remembering(new HandledCommand(causedBy, Outcome.APPLIED, OrderStatus.CREATED, OrderStatus.CANCELLED));
        var moves = stock.release(order.storeId(), order.orderId(), causedBy, current.stockLines(), lookup, now);
        return LedgerDecision.changedUnasked(
                expired, OrderMessages.statusChanged(OrderStatus.CREATED, expired.order(), causedBy, now), moves);
    }

    /** Cancelling releases the order's reservation, completing sells it; other moves leave stock alone. */
    private StockMoves stockEffect(
            OrderState current, OrderStatus to, String commandId, StockLookup lookup, Instant now) {
        var order = current.order();
        if (!current.holdsStock()) {
            return StockMoves.none();
        }
        if (to == OrderStatus.CANCELLED) {
            return stock.release(order.storeId(), order.orderId(), commandId, current.stockLines(), lookup, now);
        }
        if (to == OrderStatus.COMPLETED) {
            return stock.commit(order.storeId(), order.orderId(), commandId, current.stockLines(), lookup, now);
        }
        return StockMoves.none();
    }

    private static boolean settles(OrderStatus status) {
        return status == OrderStatus.CANCELLED || status == OrderStatus.COMPLETED;
    }

    /**
     * An order the ledger has never seen ends without lines and without stock: its history is {@code pending} then
     * {@code status}, and the order is remembered so that a placement arriving later is refused.
     */
    private static LedgerDecision unplaced(
            String orderId,
            String storeId,
            OrderStatus status,
            String commandId,
            Outcome outcome,
            String detail,
            Instant now) {
        var pending = new OrderState(
                new OrderSnapshot(
                        orderId,
                        1,
                        OrderStatus.PENDING,
                        storeId,
                        null,
                        null,
                        List.of(),
                        BigDecimal.ZERO,
                        null,
                        BigDecimal.ZERO,
                        List.of(),
                        null,
                        now,
                        now),
                null,
                List.of());
        var ended = pending.movedTo(status, List.of(), now)
                .remembering(new HandledCommand(commandId, outcome, OrderStatus.PENDING, status));
        var events = List.of(
                OrderMessages.statusChanged(null, pending.order(), commandId, now),
                OrderMessages.statusChanged(OrderStatus.PENDING, ended.order(), commandId, now));
        var reply = outcome == Outcome.REFUSED
                ? OrderMessages.refused(commandId, orderId, ended.order(), detail, List.of(), List.of(), now)
                : OrderMessages.reply(commandId, outcome, ended.order(), List.of(), now);
        return LedgerDecision.changed(ended, events, StockMoves.none(), reply);
    }

    /**
     * The order as the API knows it before the ledger has seen its placement: pending, sequence 0 (the API's own
     * placeholder), so a reply carrying it never overwrites anything in a read model.
     */
    private static OrderSnapshot notYetPlaced(String orderId, String storeId, Instant now) {
        return new OrderSnapshot(
                orderId,
                0,
                OrderStatus.PENDING,
                storeId,
                null,
                null,
                List.of(),
                BigDecimal.ZERO,
                null,
                BigDecimal.ZERO,
                List.of(),
                null,
                now,
                now);
    }

    /** The reply to a repeated status command, rebuilt from the order as it is now and the first outcome. */
    private static OrderCommandReply answeredAgain(
            OrderState current, HandledCommand handled, StockLookup lookup, Instant now) {
        var order = current.order();
        if (handled.outcome() == Outcome.REFUSED) {
            var detail = handled.from() == OrderStatus.PENDING && handled.requested() == OrderStatus.REJECTED
                    ? NOT_DECIDED_IN_TIME
                    : cannotChange(handled.from(), handled.requested());
            return OrderMessages.refused(
                    handled.commandId(),
                    order.orderId(),
                    order,
                    detail,
                    OrderLifecycle.allowedNext(order.status()),
                    List.of(),
                    now);
        }
        var levels = settles(handled.requested())
                ? levels(current.stockLines(), lookup, StockMoves.none())
                : List.<StockLevel>of();
        return OrderMessages.reply(handled.commandId(), handled.outcome(), order, levels, now);
    }

    private static OrderStatusChanged decided(OrderState pending, OrderState decided, PlaceOrder place, Instant now) {
        return OrderMessages.statusChanged(pending.status(), decided.order(), place.commandId(), now);
    }

    /** The stock of the lines' products after {@code moves}, for the products this store has stocked. */
    private static List<StockLevel> levels(List<StockLine> lines, StockLookup lookup, StockMoves moves) {
        Map<String, ProductStock> moved = new HashMap<>();
        moves.stocks().forEach(s -> moved.put(s.productId(), s));
        return lines.stream()
                .map(line -> Optional.ofNullable(moved.get(line.productId())).or(() -> lookup.find(line.productId())))
                .flatMap(Optional::stream)
                .map(ProductStock::toLevel)
                .toList();
    }

    private static String cannotChange(OrderStatus from, OrderStatus to) {
        return "Cannot change status from " + from.wireName() + " to " + to.wireName();
    }

    private static String insufficientStock(List<Shortage> shortages) {
        return shortages.isEmpty()
                ? StockLedger.INSUFFICIENT_STOCK
                : StockLedger.INSUFFICIENT_STOCK + " for product "
                        + shortages.get(0).productId();
    }
}
