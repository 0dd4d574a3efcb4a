package pos.schemas.command;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Sent by order-processor's placement deadline, once per store and check, for the placements of that store not
 * decided in time: the store ledger handles each order exactly as it handles an {@link ExpirePlacement} of it
 * (ignored for an order it knows; an order it has never seen is recorded as rejected, with its events and a reply
 * under {@link ExpirePlacement#commandIdFor the order's expiry command id}). One record instead of one per
 * placement, so expiries cost the ledger's thread one read per store and check. At most {@link #MAX_ORDERS}
 * distinct order ids, so a record stays far below {@code Limits.MAX_RECORD_BYTES}; more are several records.
 */
public record ExpirePlacements(String commandId, String storeId, List<String> orderIds, Instant issuedAt)
        implements OrderCommand {

    /** Order ids per record at most: 500 ids of 24 characters make about 14 kB of JSON. */
    public static final int MAX_ORDERS = 500;

    public ExpirePlacements {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        orderIds = List.copyOf(Objects.requireNonNull(orderIds, "orderIds"));
        if (orderIds.isEmpty() || orderIds.size() > MAX_ORDERS) {
            throw new IllegalArgumentException("expires 1 to " + MAX_ORDERS + " placements, not " + orderIds.size());
        }
        if (new HashSet<>(orderIds).size() != orderIds.size()) {
            throw new IllegalArgumentException("an order id appears twice in " + commandId);
        }
    }

    /** The batch of a store's expiries, in deadline order, with its {@link #commandIdFor derived command id}. */
    public static ExpirePlacements of(String storeId, List<String> orderIds, Instant issuedAt) {
        return new ExpirePlacements(commandIdFor(storeId, orderIds), storeId, orderIds, issuedAt);
    }

    /**
     * Derived from the store and the first and last order of the batch (in deadline order): a batch sent again
     * after a crash carries the same id. Resending is harmless either way, as expiring a known order does nothing.
     */
    public static String commandIdFor(String storeId, List<String> orderIds) {
        if (orderIds.isEmpty()) {
            throw new IllegalArgumentException("a batch of expiries needs at least one order");
        }
        return "expire:" + storeId + ":" + orderIds.get(0) + ".." + orderIds.get(orderIds.size() - 1);
    }

    /** The expiry of one order of the batch, exactly as a single {@link ExpirePlacement} would have carried it. */
    public ExpirePlacement expiryOf(String orderId) {
        return new ExpirePlacement(ExpirePlacement.commandIdFor(orderId), orderId, storeId, issuedAt);
    }
}
