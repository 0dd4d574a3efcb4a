package pos.api.store;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import pos.schemas.value.StoreSettings;

/** Body of {@code PUT /stores/{store_id}/settings}: the whole settings; an absent or null expiry turns it off. */
record StoreSettingsRequest(
        @Schema(
                description = "A `created` order nobody confirmed within this many seconds is cancelled with "
                        + "`cancel_reason: \"expired\"` and its stock released; null or absent: never (the default)",
                minimum = "1",
                maximum = "604800",
                nullable = true)
        @Min(1)
        @Max(StoreSettings.MAX_ORDER_EXPIRY_SECONDS)
        Long orderExpirySeconds) {}
