package pos.api.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import pos.api.money.Decimal;
import pos.api.money.DecimalValue;
import pos.api.money.Sign;
import pos.schemas.Limits;

/**
 * Body of {@code POST /stores/{store_id}/inventory/adjust}: a non-zero delta, the kind of adjustment
 * ({@code reason_code}) and a free {@code note}. The original's free-text {@code reason} still works: it is the note
 * when no note is sent, and without a {@code reason_code} the ledger takes the kind it names, else
 * {@code correction}.
 */
record AdjustStockRequest(
        @NotBlank String productId,
        @NotNull @DecimalValue(sign = Sign.NON_ZERO) Decimal delta,
        @Size(max = Limits.MAX_REASON_LENGTH) String reason,

        @Schema(allowableValues = {"delivery", "count", "waste", "return", "transfer", "correction"})
        @Pattern(
                regexp = REASON_CODES,
                message = "must be one of: delivery, count, waste, return, transfer, " + "correction")
        String reasonCode,

        @Size(max = Limits.MAX_REASON_LENGTH) String note) {

    static final String REASON_CODES = "delivery|count|waste|return|transfer|correction";

    /** The note the movement shows: {@code note}, or the original's {@code reason}. */
    String noteOrReason() {
        return note != null ? note : reason;
    }
}
