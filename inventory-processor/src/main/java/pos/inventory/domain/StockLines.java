package pos.inventory.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers over order lines. */
public final class StockLines {

    private StockLines() {}

    /** One line per product, in order of first appearance, quantities of repeated products summed. */
    public static List<StockLine> merge(List<StockLine> lines) {
        Map<String, BigDecimal> byProduct = new LinkedHashMap<>();
        lines.forEach(line -> byProduct.merge(line.productId(), line.qty(), BigDecimal::add));
        return byProduct.entrySet().stream()
                .map(e -> new StockLine(e.getKey(), e.getValue()))
                .toList();
    }
}
