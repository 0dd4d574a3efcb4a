package pos.api.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import pos.schemas.value.OrderSnapshot;

/** The original service's Order shape (snake_case on the wire), plus sku/name per line and shortages. */
public record OrderResponse(
        String id,
        String storeId,
        String userId,
        String placedBy,
        List<Item> items,
        String idempotencyKey,
        BigDecimal subtotal,
        BigDecimal tax,
        BigDecimal total,
        String status,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ShortageResponse> shortages,
        Instant createdAt,
        Instant updatedAt,

        @Schema(
                description = "When the sale happened on the device that placed it, if it said (its clock); "
                        + "created_at is the server's time")
        Instant occurredAt,

        @Schema(
                description = "Why the system cancelled the order: `expired` when nobody confirmed it within its "
                        + "store's order expiry (`GET /stores/{id}/settings`); absent otherwise")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String cancelReason) {

    @Schema(name = "OrderItem")
    public record Item(String productId, String sku, String name, BigDecimal qty, BigDecimal price) {}

    @Schema(name = "Shortage")
    public record ShortageResponse(String productId, BigDecimal requested, BigDecimal available) {}

    public static OrderResponse from(OrderSnapshot o) {
        return new OrderResponse(
                o.orderId(),
                o.storeId(),
                o.userId(),
                o.placedBy(),
                o.lines().stream()
                        .map(l -> new Item(l.productId(), l.sku(), l.name(), l.qty(), l.unitPrice()))
                        .toList(),
                o.idempotencyKey(),
                o.subtotal(),
                o.tax(),
                o.total(),
                o.status().wireName(),
                shortages(o),
                o.createdAt(),
                o.updatedAt(),
                o.occurredAt(),
                o.cancelReason());
    }

    static List<ShortageResponse> shortages(OrderSnapshot o) {
        return o.shortages().stream()
                .map(s -> new ShortageResponse(s.productId(), s.requested(), s.available()))
                .toList();
    }

    /** {@code {"ok": true, "order": {...}}} as POST /orders/ and PATCH .../status answered in the original. */
    @Schema(name = "OrderEnvelope")
    public record Envelope(boolean ok, OrderResponse order) {

        public static Envelope of(OrderSnapshot order) {
            return new Envelope(true, from(order));
        }
    }
}
