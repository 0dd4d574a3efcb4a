package pos.api.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One change to the stock of a product in a store, as {@code GET .../movements} lists it. {@code by} is the account
 * that adjusted or counted ({@code by_type} {@code user}) or the order that reserved, released or sold
 * ({@code by_type} {@code order}); {@code version} is the stock's version after the change.
 */
@Schema(name = "StockMovement")
record StockMovement(
        String storeId,
        String productId,
        long version,
        Instant at,

        @Schema(
                description = "the account id (by_type user) or the order id (by_type order); null for an adjustment "
                        + "recorded before who was kept")
        String by,

        @Schema(allowableValues = {"user", "order"}) String byType,

        @Schema(
                allowableValues = {
                    "delivery",
                    "count",
                    "waste",
                    "return",
                    "transfer",
                    "correction",
                    "reserve",
                    "release",
                    "sale"
                })
        String type,

        String note,
        BigDecimal qtyBefore,
        BigDecimal qtyAfter,
        BigDecimal reservedBefore,
        BigDecimal reservedAfter) {}
