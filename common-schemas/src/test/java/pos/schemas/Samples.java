package pos.schemas;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.CountStock;
import pos.schemas.command.ExpirePlacement;
import pos.schemas.command.ExpirePlacements;
import pos.schemas.command.PlaceOrder;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.event.ProductChanged;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.event.StockLevelLow;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.reply.StockCommandReply;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;
import pos.schemas.value.StockLevel;
import pos.schemas.value.StoreSettings;

/** One fixed sample of every contract type, for golden files and for other modules' tests. */
public final class Samples {

    public static final String STORE = "65a000000000000000000001";
    public static final String ORDER = "65b000000000000000000001";
    public static final String ORDER_2 = "65b000000000000000000002";
    public static final String USER = "65c000000000000000000001";
    public static final String PRODUCT = "65d000000000000000000001";
    public static final String PRODUCT_2 = "65d000000000000000000002";
    public static final String CATEGORY = "65e000000000000000000001";
    public static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");

    private Samples() {}

    public static List<OrderLine> lines() {
        return List.of(
                new OrderLine(PRODUCT, "FOD-20261125-A3B7", "Burger", new BigDecimal("2"), new BigDecimal("3.50")),
                new OrderLine(PRODUCT_2, "DRK-20261125-Z9Q1", "Tea", new BigDecimal("1.5"), new BigDecimal("2.25")));
    }

    public static PlaceOrder placeOrder() {
        return new PlaceOrder("cmd-place-1", ORDER, STORE, USER, USER, lines(), "idem-123", AT, AT.minusSeconds(90));
    }

    public static ChangeOrderStatus changeOrderStatus() {
        return new ChangeOrderStatus("cmd-status-1", ORDER, STORE, OrderStatus.CONFIRMED, USER, AT);
    }

    public static AdjustStock adjustStock() {
        return new AdjustStock(
                "cmd-adjust-1", STORE, PRODUCT, new BigDecimal("10"), "from the supplier", USER, AT, "delivery");
    }

    public static CountStock countStock() {
        return new CountStock("cmd-count-1", STORE, PRODUCT, new BigDecimal("7"), "shelf count", USER, AT);
    }

    public static ExpirePlacement expirePlacement() {
        return new ExpirePlacement(ExpirePlacement.commandIdFor(ORDER), ORDER, STORE, AT);
    }

    public static ExpirePlacements expirePlacements() {
        return ExpirePlacements.of(STORE, List.of(ORDER, ORDER_2), AT);
    }

    public static OrderSnapshot orderSnapshot() {
        var lines = lines();
        var subtotal = OrderSnapshot.subtotalOf(lines);
        return new OrderSnapshot(
                ORDER,
                2,
                OrderStatus.CREATED,
                STORE,
                USER,
                USER,
                lines,
                subtotal,
                null,
                subtotal,
                List.of(),
                "idem-123",
                AT,
                AT.plusSeconds(1),
                AT.minusSeconds(90));
    }

    public static StoreSettings storeSettings() {
        return new StoreSettings(STORE, 900L, "ada", AT);
    }

    public static OrderStatusChanged orderStatusChanged() {
        return new OrderStatusChanged(
                "evt-order-1",
                ORDER,
                2,
                OrderStatus.PENDING,
                OrderStatus.CREATED,
                STORE,
                orderSnapshot(),
                "cmd-place-1",
                AT.plusSeconds(1));
    }

    public static StockLevel stockLevel() {
        return new StockLevel(
                STORE,
                PRODUCT,
                new BigDecimal("10"),
                new BigDecimal("2"),
                new BigDecimal("8"),
                3,
                AT,
                AT.plusSeconds(1));
    }

    public static StockChanged stockChanged() {
        return new StockChanged(
                "evt-stock-1",
                STORE,
                PRODUCT,
                StockChange.RESERVED,
                BigDecimal.ZERO,
                new BigDecimal("2"),
                stockLevel(),
                null,
                ORDER,
                "cmd-place-1",
                AT.plusSeconds(1),
                null,
                null);
    }

    public static StockLevelLow stockLevelLow() {
        return new StockLevelLow(
                "evt-low-1", STORE, PRODUCT, new BigDecimal("8"), new BigDecimal("10"), 3, AT.plusSeconds(1));
    }

    public static Shortage shortage() {
        return new Shortage(PRODUCT, new BigDecimal("2"), new BigDecimal("1"));
    }

    public static OrderCommandReply orderCommandReply() {
        return new OrderCommandReply(
                "cmd-status-1",
                ORDER,
                Outcome.REFUSED,
                orderSnapshot(),
                "Cannot change status from created to completed",
                List.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED),
                List.of(stockLevel()),
                AT.plusSeconds(1));
    }

    public static StockCommandReply stockCommandReply() {
        return new StockCommandReply(
                "cmd-adjust-1", STORE, PRODUCT, Outcome.APPLIED, stockLevel(), null, AT.plusSeconds(1));
    }

    public static ProductChanged productChanged() {
        return new ProductChanged(
                "evt-product-1",
                PRODUCT,
                1,
                "FOD-20261125-A3B7",
                "Burger",
                new BigDecimal("3.50"),
                new BigDecimal("1.20"),
                "pcs",
                CATEGORY,
                false,
                AT);
    }
}
