package pos.schemas.command;

import java.time.Instant;
import java.util.Objects;

/**
 * Sent by order-processor's placement deadline when a placement was not decided in time. The store ledger ignores
 * it for an order it knows; for an order it has never seen (its PlaceOrder was lost or dead-lettered) it records the
 * order as rejected and refuses any later PlaceOrder for it.
 */
public record ExpirePlacement(String commandId, String orderId, String storeId, Instant issuedAt)
        implements OrderCommand {

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
