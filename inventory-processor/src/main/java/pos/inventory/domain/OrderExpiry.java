package pos.inventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import pos.schemas.value.StoreSettings;

/**
 * A store's order expiry: when a {@code created} order that nobody confirmed is cancelled. Off (never) unless the
 * store's settings give {@code order_expiry_seconds}; it applies to orders created while it is on, and an order
 * whose deadline comes after the setting was turned off again is left alone.
 */
public final class OrderExpiry {

    private OrderExpiry() {}

    /** When an order created at {@code createdAt} expires under these settings, or empty when it never does. */
    public static Optional<Instant> deadline(StoreSettings settings, Instant createdAt) {
        if (settings == null || settings.orderExpirySeconds() == null) {
            return Optional.empty();
        }
        return Optional.of(createdAt.plus(Duration.ofSeconds(settings.orderExpirySeconds())));
    }

    /** Whether an order whose deadline has come is still to be cancelled under the settings in force now. */
    public static boolean stillOn(StoreSettings settings) {
        return settings != null && settings.orderExpirySeconds() != null;
    }

    /** What the order events name as the cause of an expiry. */
    public static String causeOf(String orderId) {
        return "order-expiry-" + orderId;
    }
}
