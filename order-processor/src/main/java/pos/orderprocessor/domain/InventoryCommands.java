package pos.orderprocessor.domain;

import pos.schemas.command.CommitStock;
import pos.schemas.command.ReleaseStock;
import pos.schemas.command.ReserveStock;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.StockLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The stock commands an order sends. Their ids derive from the order id only, so a command re-sent after a crash
 * carries the same id and inventory-processor can recognise the repeat.
 */
public final class InventoryCommands {

    private InventoryCommands() {
    }

    public static String reserveCommandId(String orderId) {
        return "reserve:" + orderId;
    }

    public static String releaseCommandId(String orderId) {
        return "release:" + orderId;
    }

    public static String commitCommandId(String orderId) {
        return "commit:" + orderId;
    }

    static ReserveStock reserve(OrderSnapshot order, Instant now) {
        return new ReserveStock(reserveCommandId(order.orderId()), order.storeId(), order.orderId(),
                stockLines(order.lines()), now);
    }

    static ReleaseStock release(OrderSnapshot order, Instant now) {
        return new ReleaseStock(releaseCommandId(order.orderId()), order.storeId(), order.orderId(), now);
    }

    static CommitStock commit(OrderSnapshot order, Instant now) {
        return new CommitStock(commitCommandId(order.orderId()), order.storeId(), order.orderId(), now);
    }

    /** One line per product: two order lines of the same product must be reserved together, all or nothing. */
    private static List<StockLine> stockLines(List<OrderLine> lines) {
        var perProduct = new LinkedHashMap<String, BigDecimal>();
        lines.forEach(line -> perProduct.merge(line.productId(), line.qty(), BigDecimal::add));
        return perProduct.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList();
    }
}
