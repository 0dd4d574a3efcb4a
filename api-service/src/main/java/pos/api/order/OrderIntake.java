package pos.api.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;
import pos.api.catalog.CatalogProducts;
import pos.api.catalog.CatalogProducts.CatalogProduct;
import pos.api.idempotency.IdempotencyProperties;
import pos.api.idempotency.IdempotentRequests.Claim;
import pos.api.idempotency.JsonResponses;
import pos.api.idempotency.StoredResponse;
import pos.api.identity.CurrentUser;
import pos.api.web.ApiException;
import pos.api.web.FieldError;
import pos.api.web.PathIds;
import pos.schemas.command.PlaceOrder;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

/**
 * Accepts an order: validates and prices it from the catalog, records it as pending so it can be read at once,
 * publishes PlaceOrder and waits (a few seconds at most) for order-processor's decision. Counts the orders placed
 * per store and times each request from its arrival to the decision ({@code outcome} created or rejected, or
 * pending when the answer is a 202 without one).
 */
@Service
class OrderIntake {

    private final CatalogProducts catalog;
    private final OrderViews views;
    private final DecisionWrites writes;
    private final PlacementDecisions decisions;
    private final JsonResponses responses;
    private final Clock clock;
    private final MeterRegistry meters;
    private final OccurredAt occurredAtRule;

    OrderIntake(
            CatalogProducts catalog,
            OrderViews views,
            DecisionWrites writes,
            PlacementDecisions decisions,
            JsonResponses responses,
            Clock clock,
            MeterRegistry meters,
            IdempotencyProperties idempotency) {
        this.occurredAtRule = new OccurredAt(idempotency.retention(), OccurredAt.CLOCK_SKEW);
        this.catalog = catalog;
        this.views = views;
        this.writes = writes;
        this.decisions = decisions;
        this.responses = responses;
        this.clock = clock;
        this.meters = meters;
    }

    /** A 503 at once when the processors are too far behind to take another placement (see CommandReplies). */
    void requireRoom() {
        decisions.requireRoom();
    }

    /**
     * Validates, prices, records and publishes on the caller's thread (errors are thrown); the decision completes
     * the returned future later, without holding a request thread while order-processor decides.
     */
    CompletableFuture<StoredResponse> place(
            CurrentUser caller, PlaceOrderRequest request, Claim claim, Optional<String> key, boolean respondAsync) {
        var timing = Timer.start(meters);
        var storeId = PathIds.objectId(request.storeId(), "store_id");
        caller.requireStore(storeId);
        var userId = onBehalfOf(caller, request.userId());
        if (claim.retry()) {
            var earlier = views.find(claim.resourceId());
            if (earlier.isPresent()) {
                return resume(earlier.get(), claim, respondAsync, timing);
            }
        }
        var now = clock.instant();
        var occurredAt = occurredAt(request.occurredAt(), now);
        var lines = price(request.items());
        OrderLimits.check(lines);
        var subtotal = OrderSnapshot.subtotalOf(lines);
        var pending = new OrderSnapshot(
                claim.resourceId(),
                0,
                OrderStatus.PENDING,
                storeId,
                userId,
                caller.userId(),
                lines,
                subtotal,
                null,
                subtotal,
                List.of(),
                key.orElse(null),
                now,
                now,
                occurredAt);
        var command = new PlaceOrder(
                claim.commandId(),
                claim.resourceId(),
                storeId,
                userId,
                caller.userId(),
                lines,
                key.orElse(null),
                now,
                occurredAt);
        return publishAndAwait(command, pending, respondAsync, timing);
    }

    private Instant occurredAt(String value, Instant now) {
        try {
            return occurredAtRule.check(value, now);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid occurred_at: " + e.getMessage())
                    .with("errors", List.of(new FieldError("occurred_at", e.getMessage())));
        }
    }

    /**
     * A retry with the same Idempotency-Key after an answer that was not final (a 202, or an instance that died
     * after recording the order): the same order as it stands, never priced again, so what the catalog did
     * meanwhile cannot change the answer. A decided order is answered; a pending one has its command published
     * again as it was first built (the store ledger drops the duplicate by its command id) and is awaited.
     */
    private CompletableFuture<StoredResponse> resume(
            OrderSnapshot order, Claim claim, boolean respondAsync, Timer.Sample timing) {
        if (order.status() != OrderStatus.PENDING) {
            timing.stop(decisionTimer(order.status().name().toLowerCase(Locale.ROOT)));
            return CompletableFuture.completedFuture(answer(order));
        }
        var command = new PlaceOrder(
                claim.commandId(),
                order.orderId(),
                order.storeId(),
                order.userId(),
                order.placedBy(),
                order.lines(),
                order.idempotencyKey(),
                order.createdAt(),
                order.occurredAt());
        return publishAndAwait(command, order, respondAsync, timing);
    }

    private CompletableFuture<StoredResponse> publishAndAwait(
            PlaceOrder command, OrderSnapshot pending, boolean respondAsync, Timer.Sample timing) {
        if (respondAsync) {
            decisions.publish(command);
            placed().increment();
            return stillPending(pending, timing);
        }
        var decision = decisions.publishAndAwait(command);
        placed().increment();
        return decision.thenCompose(decided -> decided.map(order -> {
                    timing.stop(decisionTimer(order.status().name().toLowerCase(Locale.ROOT)));
                    // the read model most likely has not seen the decided order yet: it is answered once readable
                    return writes.decided(order).thenApply(written -> answer(order));
                })
                .orElseGet(() -> stillPending(pending, timing)));
    }

    /**
     * A 202: the order is recorded as pending first, so every order the API has acknowledged reads back at once.
     * Only after the command is on Kafka, so a crash in between leaves no pending order that Kafka never saw; a
     * decision that was quicker is kept (the placeholder never replaces a document) and answered instead. A
     * placement decided within the wait needs no placeholder: its decided order is the first thing written.
     */
    private CompletableFuture<StoredResponse> stillPending(OrderSnapshot pending, Timer.Sample timing) {
        timing.stop(decisionTimer("pending"));
        return writes.pending(pending).thenApply(inserted -> {
            var current = inserted ? pending : views.find(pending.orderId()).orElse(pending);
            return responses.json(202, OrderResponse.Envelope.of(current), OrderController.location(current));
        });
    }

    /**
     * Not tagged by store: store ids are chosen by clients, so a tag would let anyone with a token add series
     * without bound. Per-store counts come from the order events and read models instead.
     */
    private Counter placed() {
        return Counter.builder("pos.orders.placed")
                .description("Orders accepted and published to order-processor")
                .register(meters);
    }

    private Timer decisionTimer(String outcome) {
        return Timer.builder("pos.orders.decision")
                .description("From POST /orders/ arriving to order-processor's decision (pending: answered 202 first)")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }

    private StoredResponse answer(OrderSnapshot order) {
        if (order.status() == OrderStatus.REJECTED) {
            var first = order.shortages().isEmpty()
                    ? ""
                    : " for product " + order.shortages().get(0).productId();
            throw ApiException.badRequest("Insufficient stock" + first)
                    .with("shortages", OrderResponse.shortages(order))
                    .with("order_id", order.orderId());
        }
        return responses.json(200, OrderResponse.Envelope.of(order), null);
    }

    private static String onBehalfOf(CurrentUser caller, String requestedUserId) {
        if (requestedUserId == null || requestedUserId.isBlank()) {
            return caller.userId();
        }
        var userId = PathIds.objectId(requestedUserId, "user_id");
        if (!userId.equals(caller.userId()) && !caller.isManagerOrAdmin()) {
            throw ApiException.forbidden("Only managers and admins may place orders for another user");
        }
        return userId;
    }

    private List<OrderLine> price(List<PlaceOrderRequest.Line> items) {
        var errors = new ArrayList<FieldError>();
        var ids = new LinkedHashSet<String>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            var field = "items[" + i + "]";
            if (!pos.schemas.value.Ids.isObjectId(item.productId())) {
                errors.add(new FieldError(field + ".product_id", "must be a 24-character hex ObjectId"));
            } else {
                ids.add(item.productId().toLowerCase());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Validation failed").with("errors", errors);
        }
        Map<String, CatalogProduct> products = catalog.findOrderable(ids);
        var unknown = ids.stream().filter(id -> !products.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Unknown product " + unknown.get(0))
                    .with(
                            "errors",
                            unknown.stream()
                                    .map(id -> new FieldError("items.product_id", "unknown or archived product " + id))
                                    .toList());
        }
        var lines = items.stream()
                .map(item -> {
                    var product = products.get(item.productId().toLowerCase());
                    return new OrderLine(
                            product.id(),
                            product.sku(),
                            product.name(),
                            item.qty().value(),
                            product.price());
                })
                .toList();
        var changed = items.stream()
                .anyMatch(item -> item.price() != null
                        && item.price()
                                        .value()
                                        .compareTo(products.get(item.productId().toLowerCase())
                                                .price())
                                != 0);
        if (changed) {
            throw ApiException.conflict("Prices have changed; refresh and resend the order")
                    .with(
                            "prices",
                            lines.stream()
                                    .map(l -> Map.of(
                                            "product_id",
                                            l.productId(),
                                            "price",
                                            l.unitPrice().toPlainString()))
                                    .toList());
        }
        return lines;
    }
}
