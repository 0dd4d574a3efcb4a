package pos.api.order;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import pos.api.inventory.StockViews;
import pos.api.kafka.CommandReplies;
import pos.api.readmodel.WriteBatcher;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.StockLevel;

/**
 * What the API writes to the read models for a request it answers, before answering, so a read right after the
 * answer shows it: a decided placement, a pending placeholder (202), a status change with the stock it moved. All
 * of it goes through one {@link WriteBatcher}, so under load one write carries many requests' changes: a placement
 * alone costs one round trip (an insert), as before, and a batch of them costs one too.
 */
@Component
class DecisionWrites implements DisposableBean {

    /** At most the commands in flight wait here (pos.commands.max-in-flight, 256 by default), plus 202s. */
    static final int CAPACITY = 4096;

    static final int MAX_BATCH = 256;

    enum Kind {
        /** A placement just decided: usually not stored yet, so inserted first. */
        DECIDED,
        /** The placeholder of a placement answered 202: inserted unless anything is stored. */
        PENDING,
        /** A status change's order and stock: applied when newer. */
        CHANGED
    }

    record Change(Kind kind, OrderSnapshot order, List<StockLevel> stock) {}

    private final OrderViews views;
    private final StockViews stockViews;
    private final WriteBatcher<Change, Boolean> batcher;

    @Autowired
    DecisionWrites(OrderViews views, StockViews stockViews, CommandReplies replies, MeterRegistry meters) {
        this(views, stockViews, replies.decisionExecutor(), meters);
    }

    /** @param completions where what waits for a write goes on: the API's decision threads */
    DecisionWrites(OrderViews views, StockViews stockViews, Executor completions, MeterRegistry meters) {
        this.views = views;
        this.stockViews = stockViews;
        this.batcher =
                new WriteBatcher<>("api-decision-writes", CAPACITY, MAX_BATCH, this::writeAll, completions, meters);
    }

    /** Stores a decided placement's order; completes when it is readable. */
    CompletableFuture<Boolean> decided(OrderSnapshot order) {
        return batcher.submit(new Change(Kind.DECIDED, order, List.of()));
    }

    /** Stores a pending placeholder unless the order is stored; completes with whether this inserted it. */
    CompletableFuture<Boolean> pending(OrderSnapshot order) {
        return batcher.submit(new Change(Kind.PENDING, order, List.of()));
    }

    /** Stores a status change's order and the stock it moved, where newer; completes when they are readable. */
    CompletableFuture<Boolean> changed(OrderSnapshot order, List<StockLevel> stock) {
        return batcher.submit(new Change(Kind.CHANGED, order, stock));
    }

    private List<Boolean> writeAll(List<Change> changes) {
        var decided = new ArrayList<OrderSnapshot>();
        var pending = new ArrayList<OrderSnapshot>();
        var changed = new ArrayList<OrderSnapshot>();
        var stock = new ArrayList<StockLevel>();
        for (var change : changes) {
            switch (change.kind()) {
                case DECIDED -> decided.add(change.order());
                case PENDING -> pending.add(change.order());
                case CHANGED -> changed.add(change.order());
            }
            stock.addAll(change.stock());
        }
        if (!decided.isEmpty()) {
            views.recordDecisions(decided);
        }
        var inserted = pending.isEmpty() ? Set.<String>of() : views.insertAllPending(pending);
        if (!changed.isEmpty()) {
            views.upsertAllIfNewer(changed);
        }
        if (!stock.isEmpty()) {
            stockViews.applyAllIfNewer(stock);
        }
        return changes.stream()
                .map(change -> change.kind() != Kind.PENDING
                        || inserted.contains(change.order().orderId()))
                .toList();
    }

    @Override
    public void destroy() {
        batcher.close();
    }
}
