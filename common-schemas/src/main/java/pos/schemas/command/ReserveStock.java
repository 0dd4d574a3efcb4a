package pos.schemas.command;

import pos.schemas.value.StockLine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Reserve every line of one order in one store, all or nothing. */
public record ReserveStock(
        String commandId,
        String storeId,
        String orderId,
        List<StockLine> lines,
        Instant issuedAt) implements InventoryCommand {

    public ReserveStock {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reservation needs at least one line");
        }
    }
}
