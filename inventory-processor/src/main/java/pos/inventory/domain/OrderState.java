package pos.inventory.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;

/**
 * What the store ledger remembers about one order: the order itself, the command that placed it (null for an order
 * the ledger only knows as expired or cancelled before its placement arrived) and the ids of its most recent status
 * commands with their outcome, for retries. Bounded: no copies of past replies, at most
 * {@link #HANDLED_COMMANDS_KEPT} command ids.
 */
public record OrderState(OrderSnapshot order, String placeCommandId, List<HandledCommand> handledCommands) {

    /** Retries arrive within seconds; a bounded history keeps the state small however chatty a client is. */
    public static final int HANDLED_COMMANDS_KEPT = 32;

    public OrderState {
        Objects.requireNonNull(order, "order");
        handledCommands = handledCommands == null ? List.of() : List.copyOf(handledCommands);
    }

    public OrderStatus status() {
        return order.status();
    }

    /** Whether the order holds reserved stock: it was created and is neither completed nor cancelled yet. */
    public boolean holdsStock() {
        return switch (status()) {
            case CREATED, CONFIRMED, PREPARING, READY -> true;
            default -> false;
        };
    }

    /** Whether nothing can happen to the order any more. */
    public boolean isFinal() {
        return status() == OrderStatus.REJECTED
                || status() == OrderStatus.CANCELLED
                || status() == OrderStatus.COMPLETED;
    }

    public Optional<HandledCommand> handled(String commandId) {
        return handledCommands.stream()
                .filter(handled -> handled.commandId().equals(commandId))
                .findFirst();
    }

    public List<StockLine> stockLines() {
        return StockLines.merge(
                order.lines().stream().map(OrderState::stockLine).toList());
    }

    static StockLine stockLine(OrderLine line) {
        return new StockLine(line.productId(), line.qty());
    }

    OrderState remembering(HandledCommand handled) {
        var kept = new ArrayList<>(handledCommands);
        kept.add(handled);
        var overflow = kept.size() - HANDLED_COMMANDS_KEPT;
        return new OrderState(order, placeCommandId, kept.subList(Math.max(0, overflow), kept.size()));
    }

    OrderState movedTo(OrderStatus status, List<Shortage> shortages, Instant now) {
        return movedTo(status, shortages, order.cancelReason(), now);
    }

    /** Cancelled by the store's order expiry: nobody confirmed it in time. */
    OrderState expired(Instant now) {
        return movedTo(OrderStatus.CANCELLED, order.shortages(), OrderSnapshot.EXPIRED, now);
    }

    private OrderState movedTo(OrderStatus status, List<Shortage> shortages, String cancelReason, Instant now) {
        var next = new OrderSnapshot(
                order.orderId(),
                order.sequence() + 1,
                status,
                order.storeId(),
                order.userId(),
                order.placedBy(),
                order.lines(),
                order.subtotal(),
                order.tax(),
                order.total(),
                shortages,
                order.idempotencyKey(),
                order.createdAt(),
                now,
                order.occurredAt(),
                cancelReason);
        return new OrderState(next, placeCommandId, handledCommands);
    }
}
