package pos.api.order;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import pos.api.identity.CurrentUser;
import pos.api.kafka.CommandProperties;
import pos.api.kafka.CommandPublisher;
import pos.api.kafka.CommandReplies;
import pos.api.order.domain.OrderFlow;
import pos.api.web.ApiException;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.value.OrderStatus;

/**
 * Asks the store ledger (inventory-processor) to move an order along its lifecycle and answers with its decision,
 * after applying the order and the stock the decision moved to the read models.
 */
@Service
class OrderStatusChanges {

    /** The statuses a client may ask for, in the original's order and message. */
    static final List<OrderStatus> CLIENT_STATUSES = List.copyOf(EnumSet.of(
            OrderStatus.CREATED,
            OrderStatus.CONFIRMED,
            OrderStatus.PREPARING,
            OrderStatus.READY,
            OrderStatus.COMPLETED,
            OrderStatus.CANCELLED));

    static final String INVALID_STATUS =
            "Invalid status. Must be one of: created, confirmed, preparing, ready, " + "completed, cancelled";

    private final OrderViews views;
    private final DecisionWrites writes;
    private final CommandPublisher publisher;
    private final CommandReplies replies;
    private final CommandProperties properties;
    private final Clock clock;

    OrderStatusChanges(
            OrderViews views,
            DecisionWrites writes,
            CommandPublisher publisher,
            CommandReplies replies,
            CommandProperties properties,
            Clock clock) {
        this.views = views;
        this.writes = writes;
        this.publisher = publisher;
        this.replies = replies;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks and publishes on the caller's thread; the decision completes the future without holding it. */
    CompletableFuture<ResponseEntity<OrderResponse.Envelope>> change(
            CurrentUser caller, String orderId, String requestedStatus) {
        replies.requireRoom();
        var target = OrderStatus.fromWireName(requestedStatus)
                .filter(CLIENT_STATUSES::contains)
                .orElseThrow(() -> ApiException.badRequest(INVALID_STATUS));
        // one MongoDB read fewer per change: the store is all a cashier's or manager's change needs to know first
        var storeId = views.storeOf(orderId).orElseThrow(() -> ApiException.notFound("Order not found"));
        caller.requireStore(storeId, "Order not found");
        if (caller.isDisplay()) {
            var order = views.find(orderId).orElseThrow(() -> ApiException.notFound("Order not found"));
            if (target != order.status() && !OrderFlow.isBump(order.status(), target)) {
                throw ApiException.forbidden("A kitchen display moves an order to its next status only");
            }
        }
        var command = new ChangeOrderStatus(
                UUID.randomUUID().toString(), orderId, storeId, target, caller.userId(), clock.instant());
        var waiter = replies.expect(command.commandId()).afterPublishing(() -> publisher.publish(command));
        return waiter.decision(properties.decisionTimeout())
                .thenCompose(reply -> reply.map(decided -> answer((OrderCommandReply) decided))
                        .orElseGet(() -> CompletableFuture.completedFuture(undecided(orderId))));
    }

    /** A 202 with the order as the read model has it: the change may still be applied. */
    private ResponseEntity<OrderResponse.Envelope> undecided(String orderId) {
        var current = views.find(orderId).orElseThrow(() -> ApiException.notFound("Order not found"));
        return ResponseEntity.accepted()
                .location(java.net.URI.create(OrderController.location(current)))
                .body(OrderResponse.Envelope.of(current));
    }

    private CompletableFuture<ResponseEntity<OrderResponse.Envelope>> answer(OrderCommandReply reply) {
        if (reply.order() == null) {
            throw ApiException.notFound("Order not found");
        }
        // with the stock the change released or sold, so a read of the stock right after this answer shows it
        return writes.changed(reply.order(), reply.stock()).thenApply(written -> render(reply));
    }

    private ResponseEntity<OrderResponse.Envelope> render(OrderCommandReply reply) {
        if (reply.outcome() == Outcome.REFUSED) {
            throw ApiException.conflict(reply.detail())
                    // not "status": that member is the problem's HTTP status
                    .with("current_status", reply.order().status().wireName())
                    .with(
                            "allowed_next",
                            reply.allowedNext().stream()
                                    .map(OrderStatus::wireName)
                                    .toList());
        }
        return ResponseEntity.ok(OrderResponse.Envelope.of(reply.order()));
    }
}
