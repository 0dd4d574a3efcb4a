package pos.api.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Body of {@code POST /stores/{store_id}/inventory/adjust}: a non-zero delta with an optional reason. */
record AdjustStockRequest(@NotBlank String productId, @NotNull BigDecimal delta, @Size(max = 200) String reason) {
}
