package pos.api.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import pos.api.money.Decimal;
import pos.api.money.DecimalValue;
import pos.api.money.Sign;
import pos.schemas.Limits;

/** Body of {@code POST /stores/{store_id}/inventory/count}: the quantity counted on hand, with an optional note. */
record CountStockRequest(
        @NotBlank String productId,
        @NotNull @DecimalValue(sign = Sign.NON_NEGATIVE) Decimal qty,
        @Size(max = Limits.MAX_REASON_LENGTH) String note) {}
