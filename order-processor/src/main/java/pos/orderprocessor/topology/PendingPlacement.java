package pos.orderprocessor.topology;

import java.util.Objects;

/**
 * A placement as the deadline reads it ({@link PlacementReader}): what its expiry needs, nothing more. The deadline
 * store kept entries as this record's JSON before {@link DeadlineEntries}, which still reads them.
 */
public record PendingPlacement(String orderId, String storeId) {

    public PendingPlacement {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(storeId, "storeId");
    }
}
