package pos.api.store;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import pos.schemas.value.StoreSettings;

/** A store's settings; a store nobody configured answers the defaults (no expiry, never updated). */
record StoreSettingsResponse(
        String storeId,

        @Schema(
                description =
                        "Seconds after which an unconfirmed `created` order is cancelled as expired; null: " + "never")
        Long orderExpirySeconds,

        @Schema(description = "Who last changed them; null for the defaults")
        String updatedBy,

        Instant updatedAt) {

    static StoreSettingsResponse of(StoreSettings settings) {
        return new StoreSettingsResponse(
                settings.storeId(), settings.orderExpirySeconds(), settings.updatedBy(), settings.updatedAt());
    }
}
