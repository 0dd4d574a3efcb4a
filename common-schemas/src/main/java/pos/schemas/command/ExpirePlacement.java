package pos.schemas.command;

import java.time.Instant;
import java.util.Objects;

/**
 * The expiry of one placement not decided in time. The store ledger ignores it for an order it knows; for an order
 * it has never seen (its PlaceOrder was lost or dead-lettered) it records the order as rejected and refuses any
 * later PlaceOrder for it. order-processor now sends the expiries of a store together ({@link ExpirePlacements}),
 * which the ledger handles as one of these per order; the ledger still accepts this single form, as an older
 * order-processor wrote it.
 */
public record ExpirePlacement(String commandId, String orderId, String storeId, Instant issuedAt)
        implements SingleOrderCommand {

    public ExpirePlacement {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** Derived from the order id: a deadline fired twice (after a crash) is recognised as one command. */
    public static String commandIdFor(String orderId) {
        return "expire:" + orderId;
    }
}
