package pos.inventory.domain;

import pos.schemas.event.InventoryEvent;
import pos.schemas.event.ReservationResult;
import pos.schemas.reply.StockCommandReply;

import java.util.List;
import java.util.Optional;

/**
 * Everything one command leads to: stock and reservation to save, events to publish, and the answer (a
 * reservation result for reserve/release/commit, a reply for adjust). A repeated command yields only the answer.
 */
public record LedgerChange(
        List<ProductStock> stocks,
        Optional<Reservation> reservation,
        List<InventoryEvent> events,
        Optional<ReservationResult> result,
        Optional<StockCommandReply> reply) {

    public LedgerChange {
        stocks = List.copyOf(stocks);
        events = List.copyOf(events);
    }

    static LedgerChange answer(ReservationResult result) {
        return new LedgerChange(List.of(), Optional.empty(), List.of(), Optional.of(result), Optional.empty());
    }

    static LedgerChange answer(StockCommandReply reply) {
        return new LedgerChange(List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.of(reply));
    }

    static LedgerChange decided(Reservation reservation) {
        return new LedgerChange(List.of(), Optional.of(reservation), List.of(), Optional.of(reservation.result()),
                Optional.empty());
    }

    static LedgerChange moved(Movements movements, Reservation reservation) {
        return new LedgerChange(movements.stocks(), Optional.of(reservation), movements.events(),
                Optional.of(reservation.result()), Optional.empty());
    }

    static LedgerChange adjusted(Movements movements, StockCommandReply reply) {
        return new LedgerChange(movements.stocks(), Optional.empty(), movements.events(), Optional.empty(),
                Optional.of(reply));
    }
}
