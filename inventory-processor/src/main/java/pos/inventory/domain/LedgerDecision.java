package pos.inventory.domain;

import java.util.List;
import java.util.Optional;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.reply.OrderCommandReply;

/**
 * What one order command leads to, decided before anything is written: the order state to save (empty: unchanged),
 * the stock to save, the order events (keyed by order id), the stock events (keyed by store id) and the reply.
 */
public record LedgerDecision(
        Optional<OrderState> state,
        List<ProductStock> stocks,
        List<OrderStatusChanged> orderEvents,
        List<InventoryEvent> stockEvents,
        Optional<OrderCommandReply> reply) {

    public LedgerDecision {
        stocks = List.copyOf(stocks);
        orderEvents = List.copyOf(orderEvents);
        stockEvents = List.copyOf(stockEvents);
    }

    /** Nothing to store or send. */
    static LedgerDecision none() {
        return new LedgerDecision(Optional.empty(), List.of(), List.of(), List.of(), Optional.empty());
    }

    static LedgerDecision replyOnly(OrderCommandReply reply) {
        return new LedgerDecision(Optional.empty(), List.of(), List.of(), List.of(), Optional.of(reply));
    }

    static LedgerDecision remembered(OrderState state, OrderCommandReply reply) {
        return new LedgerDecision(Optional.of(state), List.of(), List.of(), List.of(), Optional.of(reply));
    }

    /** A change nobody asked for (an expiry), so nobody waits for a reply. */
    static LedgerDecision changedUnasked(OrderState state, OrderStatusChanged event, StockMoves moves) {
        return new LedgerDecision(Optional.of(state), moves.stocks(), List.of(event), moves.events(), Optional.empty());
    }

    static LedgerDecision changed(
            OrderState state, List<OrderStatusChanged> events, StockMoves moves, OrderCommandReply reply) {
        return new LedgerDecision(Optional.of(state), moves.stocks(), events, moves.events(), Optional.of(reply));
    }
}
