package pos.orderprocessor.topology;

import java.util.Objects;

/** A placement waiting for its deadline: what the expiry needs, nothing more. */
public record PendingPlacement(String orderId, String storeId) {

    public PendingPlacement {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(storeId, "storeId");
    }
}
