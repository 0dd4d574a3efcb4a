package pos.api.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import pos.api.money.Decimal;
import pos.api.money.DecimalValue;
import pos.api.money.Sign;
import pos.schemas.Limits;

/**
 * Body of {@code POST /orders/}. {@code userId} may name another user only for admins and managers; {@code price}
 * per line is optional and, when sent, must equal the catalog price. The original's body field
 * {@code idempotency_key} is accepted and ignored: the header is what counts. {@code occurredAt} is when the sale
 * happened on the device (see {@link OccurredAt}).
 */
record PlaceOrderRequest(
        @NotBlank String storeId,
        String userId,
        @NotEmpty @Size(max = Limits.MAX_ORDER_LINES) List<@Valid @NotNull Line> items,
        String idempotencyKey,

        @Schema(
                description =
                        "When the sale happened on the device (ISO-8601 UTC instant): at most the "
                                + "Idempotency-Key retention (72 h) in the past and not in the future beyond a minute of clock skew",
                example = "2026-01-31T09:15:00Z")
        String occurredAt) {

    @Schema(name = "PlaceOrderLine")
    record Line(
            @NotBlank String productId,
            @NotNull @DecimalValue(sign = Sign.POSITIVE) Decimal qty,
            @DecimalValue(sign = Sign.NON_NEGATIVE) Decimal price) {}

    /** What identifies the request for Idempotency-Key purposes (the ignored body key is left out). */
    PlaceOrderRequest withoutIdempotencyKey() {
        return new PlaceOrderRequest(storeId, userId, items, null, occurredAt);
    }
}
