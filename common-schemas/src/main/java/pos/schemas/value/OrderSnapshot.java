package pos.schemas.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The whole state of an order after a change. {@code sequence} counts the order's changes from 1, so a
 * projection can apply each snapshot at most once and never go backwards. {@code occurredAt} is when the sale
 * happened on the device that placed it (its clock), if it said; {@code createdAt} is the server's time.
 * {@code cancelReason} says why the system cancelled an order ({@value #EXPIRED}: nobody confirmed it within its
 * store's expiry); null otherwise.
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
        Instant occurredAt,
        String cancelReason) {

    /** The cancel reason of a created order that nobody confirmed within its store's order expiry. */
    public static final String EXPIRED = "expired";

    /** An order without a device time that no system rule cancelled. */
    public OrderSnapshot(
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
            Instant updatedAt) {
        this(
                orderId,
                sequence,
                status,
                storeId,
                userId,
                placedBy,
                lines,
                subtotal,
                tax,
                total,
                shortages,
                idempotencyKey,
                createdAt,
                updatedAt,
                null,
                null);
    }

    /** An order no system rule cancelled. */
    public OrderSnapshot(
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
            Instant occurredAt) {
        this(
                orderId,
                sequence,
                status,
                storeId,
                userId,
                placedBy,
                lines,
                subtotal,
                tax,
                total,
                shortages,
                idempotencyKey,
                createdAt,
                updatedAt,
                occurredAt,
                null);
    }

    public OrderSnapshot {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(storeId, "storeId");
        lines = lines == null ? List.of() : List.copyOf(lines);
        shortages = shortages == null ? List.of() : List.copyOf(shortages);
    }

    public static BigDecimal subtotalOf(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
