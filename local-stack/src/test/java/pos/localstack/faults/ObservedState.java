package pos.localstack.faults;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.event.StockChanged;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

/**
 * Everything the system holds after a run, as read from outside: the Kafka topics from the beginning (each list in
 * the order of its partitions, so one order's or one store's records keep their order) and the MongoDB read models.
 *
 * @param latestStates the last snapshot per order on the compacted state topic
 * @param deadLetters  how many records were dead-lettered (on all {@code .dlq} topics)
 */
record ObservedState(
        List<OrderStatusChanged> orderEvents,
        Map<String, OrderSnapshot> latestStates,
        List<StockChanged> stockChanges,
        long deadLetters,
        Map<String, OrderView> orderViews,
        Map<String, StockView> stockViews) {

    record OrderView(OrderStatus status, long sequence) {}

    record StockView(BigDecimal onHand, BigDecimal reserved, BigDecimal available, long version) {}

    /** The read-model key of one store's stock of one product. */
    static String item(String storeId, String productId) {
        return storeId + ":" + productId;
    }
}
