package pos.inventory.domain;

/** What an adjustment of on-hand stock came to. */
public sealed interface AdjustOutcome {

    /** On hand changed; {@code after} is the stock with the new quantity and version. */
    record Applied(ProductStock after) implements AdjustOutcome {}

    /** Nothing changed; {@code current} is the stock as it is. */
    record Refused(ProductStock current, String detail) implements AdjustOutcome {}
}
