package pos.inventory.domain;

import pos.schemas.event.InventoryEvent;

import java.util.List;

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
