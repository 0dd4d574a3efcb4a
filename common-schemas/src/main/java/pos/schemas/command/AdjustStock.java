package pos.schemas.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Change the on-hand quantity of one product by a non-zero delta; refused if available would drop below zero.
 * {@code reasonCode} is the kind of adjustment ({@code delivery}, {@code count}, {@code waste}, {@code return},
 * {@code transfer}, {@code correction}); null on commands from before it existed, where the ledger derives it from
 * the free-text {@code reason} (the note).
 */
public record AdjustStock(
        String commandId,
        String storeId,
        String productId,
        BigDecimal delta,
        String reason,
        String requestedBy,
        Instant issuedAt,
        String reasonCode)
        implements InventoryCommand {

    /** The kinds of adjustment, as {@code reason_code} carries them. */
    public static final List<String> REASON_CODES =
            List.of("delivery", "count", "waste", "return", "transfer", "correction");

    /** An adjustment without a reason code: the ledger derives it from {@code reason}. */
    public AdjustStock(
            String commandId,
            String storeId,
            String productId,
            BigDecimal delta,
            String reason,
            String requestedBy,
            Instant issuedAt) {
        this(commandId, storeId, productId, delta, reason, requestedBy, issuedAt, null);
    }

    public AdjustStock {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (delta.signum() == 0) {
            throw new IllegalArgumentException("delta must not be zero");
        }
    }
}
