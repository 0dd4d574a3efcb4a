package pos.inventory.domain;

import java.util.List;
import pos.schemas.event.InventoryEvent;

/** The stock one decision changed (to save) and the events describing the changes (to publish). */
public record StockMoves(List<ProductStock> stocks, List<InventoryEvent> events) {

    public StockMoves {
        stocks = List.copyOf(stocks);
        events = List.copyOf(events);
    }

    public static StockMoves none() {
        return new StockMoves(List.of(), List.of());
    }
}
