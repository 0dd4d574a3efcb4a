package pos.inventory.domain;

import java.util.List;
import java.util.Optional;
import pos.schemas.event.InventoryEvent;
import pos.schemas.reply.StockCommandReply;

/**
 * Everything a stock adjustment leads to: stock to save, events to publish and the reply. A repeated command
 * yields only the reply.
 */
public record LedgerChange(List<ProductStock> stocks, List<InventoryEvent> events, Optional<StockCommandReply> reply) {

    public LedgerChange {
        stocks = List.copyOf(stocks);
        events = List.copyOf(events);
    }

    static LedgerChange answer(StockCommandReply reply) {
        return new LedgerChange(List.of(), List.of(), Optional.of(reply));
    }

    static LedgerChange adjusted(Movements movements, StockCommandReply reply) {
        return new LedgerChange(movements.stocks(), movements.events(), Optional.of(reply));
    }
}
