package pos.schemas.command;

/**
 * An order command about one order: the store ledger decides it against that order's state. Every order command
 * but the placement deadline's batch of expiries ({@link ExpirePlacements}) is one.
 */
public sealed interface SingleOrderCommand extends OrderCommand permits PlaceOrder, ChangeOrderStatus, ExpirePlacement {

    String orderId();
}
