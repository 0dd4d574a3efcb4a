package pos.orderprocessor.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import pos.schemas.command.ExpirePlacements;

/**
 * Every accepted placement is decided within a bounded time: if the store ledger has not decided it
 * {@link #timeout} after order-processor saw it, it is expired. The ledger ignores the expiry of an order it knows
 * and rejects an order it has never seen (its PlaceOrder was lost or dead-lettered), so an expiry is always safe to
 * send, and sending it twice is harmless. The expiries of one store are sent together, at most
 * {@link ExpirePlacements#MAX_ORDERS} orders a command, so the ledger reads one record per store and check instead of
 * one per placement.
 */
public record PlacementDeadline(Duration timeout) {

    public PlacementDeadline {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the placement deadline must be positive: " + timeout);
        }
    }

    /** When a placement seen at {@code seenAt} is due to be expired. */
    public Instant dueAt(Instant seenAt) {
        return seenAt.plus(timeout);
    }

    /**
     * The commands that expire the due placements, issued when they are due: per store (in the map's order), its
     * order ids in the order given (deadline order), each once, cut into commands of at most
     * {@link ExpirePlacements#MAX_ORDERS}. Each command's id is derived from its store and first and last order, so
     * the same due placements give the same commands again.
     */
    public List<ExpirePlacements> expiries(Map<String, ? extends Collection<String>> dueOrderIdsByStore, Instant now) {
        Objects.requireNonNull(now, "now");
        var expiries = new ArrayList<ExpirePlacements>();
        dueOrderIdsByStore.forEach((storeId, orderIds) -> {
            List<String> distinct = orderIds.stream().distinct().toList();
            for (int from = 0; from < distinct.size(); from += ExpirePlacements.MAX_ORDERS) {
                var batch = distinct.subList(from, Math.min(distinct.size(), from + ExpirePlacements.MAX_ORDERS));
                expiries.add(ExpirePlacements.of(storeId, batch, now));
            }
        });
        return expiries;
    }

    public static boolean isDue(Instant dueAt, Instant now) {
        return !dueAt.isAfter(now);
    }
}
