package pos.api.inventory;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;
import pos.api.catalog.CatalogProducts;
import pos.api.idempotency.IdempotentRequests.Claim;
import pos.api.idempotency.JsonResponses;
import pos.api.idempotency.StoredResponse;
import pos.api.identity.CurrentUser;
import pos.api.kafka.CommandProperties;
import pos.api.kafka.CommandPublisher;
import pos.api.kafka.CommandReplies;
import pos.api.web.ApiException;
import pos.api.web.PathIds;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.CountStock;
import pos.schemas.command.InventoryCommand;
import pos.schemas.reply.Outcome;
import pos.schemas.reply.StockCommandReply;

/** Asks inventory-processor to adjust stock and answers with its decision and the stock after it. */
@Service
class StockAdjustments {

    private final CatalogProducts catalog;
    private final StockViews views;
    private final CommandPublisher publisher;
    private final CommandReplies replies;
    private final CommandProperties properties;
    private final JsonResponses responses;
    private final Clock clock;

    StockAdjustments(
            CatalogProducts catalog,
            StockViews views,
            CommandPublisher publisher,
            CommandReplies replies,
            CommandProperties properties,
            JsonResponses responses,
            Clock clock) {
        this.catalog = catalog;
        this.views = views;
        this.publisher = publisher;
        this.replies = replies;
        this.properties = properties;
        this.responses = responses;
        this.clock = clock;
    }

    /** A 503 at once when the processors are too far behind to take another command (see CommandReplies). */
    void requireRoom() {
        replies.requireRoom();
    }

    /** Checks and publishes on the caller's thread; the decision completes the future without holding it. */
    CompletableFuture<StoredResponse> adjust(
            CurrentUser caller, String storeId, AdjustStockRequest request, Claim claim) {
        var productId = knownProduct(request.productId());
        return decide(
                new AdjustStock(
                        claim.commandId(),
                        storeId,
                        productId,
                        request.delta().value(),
                        request.noteOrReason(),
                        caller.userId(),
                        clock.instant(),
                        request.reasonCode()),
                productId);
    }

    /** A physical count: the ledger sets on hand to it and records the difference as one movement. */
    CompletableFuture<StoredResponse> count(
            CurrentUser caller, String storeId, CountStockRequest request, Claim claim) {
        var productId = knownProduct(request.productId());
        return decide(
                new CountStock(
                        claim.commandId(),
                        storeId,
                        productId,
                        request.qty().value(),
                        request.note(),
                        caller.userId(),
                        clock.instant()),
                productId);
    }

    private String knownProduct(String id) {
        var productId = PathIds.objectId(id, "product_id");
        if (catalog.find(productId).isEmpty()) {
            throw ApiException.notFound("Product not found");
        }
        return productId;
    }

    private CompletableFuture<StoredResponse> decide(InventoryCommand command, String productId) {
        var storeId = command.storeId();
        var waiter = replies.expect(command.commandId()).afterPublishing(() -> publisher.publish(command));
        return waiter.decision(properties.decisionTimeout())
                .thenApply(reply -> reply.map(decided -> answer((StockCommandReply) decided))
                        .orElseGet(() -> {
                            var current = views.find(storeId, productId).orElse(null);
                            return responses.json(
                                    202,
                                    new InventoryItem.Pending(
                                            true,
                                            true,
                                            current == null ? InventoryItem.none(storeId, productId) : current),
                                    null);
                        }));
    }

    private StoredResponse answer(StockCommandReply reply) {
        if (reply.outcome() == Outcome.REFUSED) {
            var problem = ApiException.badRequest(reply.detail() == null ? "Insufficient stock" : reply.detail());
            if (reply.stock() != null) {
                problem.with("available", reply.stock().available().toPlainString());
            }
            throw problem;
        }
        views.applyIfNewer(reply.stock());
        var item = views.find(reply.stock().storeId(), reply.stock().productId())
                .filter(i -> i.version() == reply.stock().version())
                .orElse(InventoryItem.from(reply.stock(), false));
        return responses.json(200, new InventoryItem.Envelope(true, item), null);
    }
}
