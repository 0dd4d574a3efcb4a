package pos.schemas.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The whole state of an order after a change. {@code sequence} counts the order's changes from 1, so a
 * projection can apply each snapshot at most once and never go backwards. {@code cancelReason} says why the
 * system cancelled an order ({@value #EXPIRED}: nobody confirmed it within its store's expiry); null otherwise.
 */
public record OrderSnapshot(
        String orderId,
        long sequence,
        OrderStatus status,
        String storeId,
        String userId,
        String placedBy,
        List<OrderLine> lines,
        BigDecimal subtotal,
        BigDecimal tax,
        BigDecimal total,
        List<Shortage> shortages,
        String idempotencyKey,
        Instant createdAt,
        Instant updatedAt,
        String cancelReason) {

    /** The cancel reason of a created order that nobody confirmed within its store's order expiry. */
    public static final String EXPIRED = "expired";

    public OrderSnapshot {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(storeId, "storeId");
        lines = lines == null ? List.of() : List.copyOf(lines);
        shortages = shortages == null ? List.of() : List.copyOf(shortages);
    }

    /** An order no system rule cancelled (no cancel reason). */
    public OrderSnapshot(String orderId, long sequence, OrderStatus status, String storeId, String userId,
            String placedBy, List<OrderLine> lines, BigDecimal subtotal, BigDecimal tax, BigDecimal total,
            List<Shortage> shortages, String idempotencyKey, Instant createdAt, Instant updatedAt) {
        this(orderId, sequence, status, storeId, userId, placedBy, lines, subtotal, tax, total, shortages,
                idempotencyKey, createdAt, updatedAt, null);
    }

    public static BigDecimal subtotalOf(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
