package pos.schemas.value;

import java.time.Instant;
import java.util.Objects;

/**
 * A store's settings on {@code pos.stores.settings.v1}, keyed by store id, compacted: the latest per store is the
 * store's setting. {@code orderExpirySeconds}: a {@code created} order nobody confirmed within this many seconds
 * is cancelled with {@code cancel_reason: "expired"} and its stock released; null (the default) never expires.
 */
public record StoreSettings(String storeId, Long orderExpirySeconds, String updatedBy, Instant updatedAt) {

    /** Seven days. */
    public static final long MAX_ORDER_EXPIRY_SECONDS = 604_800;

    public StoreSettings {
        Objects.requireNonNull(storeId, "storeId");
        if (orderExpirySeconds != null && (orderExpirySeconds < 1 || orderExpirySeconds > MAX_ORDER_EXPIRY_SECONDS)) {
            throw new IllegalArgumentException("order_expiry_seconds must be between 1 and " + MAX_ORDER_EXPIRY_SECONDS
                    + ": " + orderExpirySeconds);
        }
    }

    /** A store nobody configured: orders never expire. */
    public static StoreSettings defaults(String storeId) {
        return new StoreSettings(storeId, null, null, null);
    }
}
