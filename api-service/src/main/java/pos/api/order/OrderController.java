package pos.api.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pos.api.idempotency.IdempotentRequests;
import pos.api.idempotency.JsonResponses;
import pos.api.idempotency.RequestFingerprint;
import pos.api.identity.CurrentUser;
import pos.api.web.ApiException;
import pos.api.web.FieldError;
import pos.api.web.Instants;
import pos.api.web.Paging;
import pos.api.web.PathIds;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

@RestController
@RequestMapping("/orders")
@Tag(name = "Orders")
class OrderController {

    private final OrderIntake intake;
    private final OrderStatusChanges statusChanges;
    private final OrderViews views;
    private final IdempotentRequests idempotentRequests;
    private final JsonResponses responses;

    OrderController(
            OrderIntake intake,
            OrderStatusChanges statusChanges,
            OrderViews views,
            IdempotentRequests idempotentRequests,
            JsonResponses responses) {
        this.intake = intake;
        this.statusChanges = statusChanges;
        this.views = views;
        this.idempotentRequests = idempotentRequests;
        this.responses = responses;
    }

    static String location(pos.schemas.value.OrderSnapshot order) {
        return "/orders/" + order.orderId();
    }

    @Operation(
            summary = "Place an order",
            description = "Prices every line from the catalog and reserves the stock of all lines, all or nothing. "
                    + "Waits for the decision (POS_DECISION_TIMEOUT, 5 s) and answers 200 (created) or 400 with "
                    + "the shortages; past the wait, or with `Prefer: respond-async`, 202 with the order pending "
                    + "and its Location. `user_id` may name another user for managers and admins only.")
    @ApiResponse(
            responseCode = "200",
            description = "Stock reserved: the order is `created`",
            content = @Content(schema = @Schema(implementation = OrderResponse.Envelope.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Accepted, decision pending: the order is `pending` and "
                    + "becomes `created` or `rejected` (GET its Location)",
            headers = @Header(name = "Location", description = "/orders/{order_id}", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = OrderResponse.Envelope.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Validation failed, unknown or archived product, or "
                    + "insufficient stock (`shortages` lists every short line, `order_id` the rejected order)")
    @ApiResponse(responseCode = "403", description = "A cashier ordering for another user")
    @ApiResponse(responseCode = "404", description = "Store not found: not one of the caller's stores")
    @ApiResponse(
            responseCode = "409",
            description = "A line's price differs from the catalog (`prices` has the "
                    + "current ones), or a request with the same Idempotency-Key is still being processed")
    @PostMapping
    CompletableFuture<ResponseEntity<String>> place(
            @AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Parameter(
                            description = "`respond-async`: answer 202 at once instead of waiting for the decision",
                            example = "respond-async")
                    @RequestHeader(value = "Prefer", required = false)
                    String prefer) {
        intake.requireRoom();
        var caller = CurrentUser.from(jwt);
        var key = IdempotentRequests.normalise(idempotencyKey);
        boolean respondAsync = prefer != null && prefer.toLowerCase().contains("respond-async");
        var fingerprint = RequestFingerprint.of("POST /orders", request.withoutIdempotencyKey());
        return idempotentRequests
                .runAsync(
                        caller.userId(),
                        key,
                        fingerprint,
                        claim -> intake.place(caller, request, claim, key, respondAsync),
                        responses::problem)
                .thenApply(responses::toEntity);
    }

    @Operation(summary = "Get an order")
    @ApiResponse(responseCode = "200", description = "The order (no envelope)")
    @ApiResponse(
            responseCode = "404",
            description = "Order not found, or in a store that is not the caller's (the " + "same answer)")
    @GetMapping("/{orderId}")
    OrderResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable String orderId) {
        var order = views.find(PathIds.objectId(orderId, "order_id"))
                .orElseThrow(() -> ApiException.notFound("Order not found"));
        CurrentUser.from(jwt).requireStore(order.storeId(), "Order not found");
        return OrderResponse.from(order);
    }

    @Operation(
            summary = "List orders",
            description = "Newest first, only from the caller's stores. With "
                    + "`idempotency_key`: the caller's own order placed with that Idempotency-Key (while the key is kept, "
                    + "72 h), or an empty list, so a till that lost its connection can ask before retrying; nobody else's "
                    + "order is ever found by a key, even in the same store.")
    @ApiResponse(responseCode = "200", description = "The orders, plain array")
    @ApiResponse(responseCode = "404", description = "Store not found: store_id is not one of the caller's stores")
    @GetMapping
    ResponseEntity<List<OrderResponse>> list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(name = "store_id", required = false) String storeId,
            @RequestParam(name = "user_id", required = false) String userId,
            @Parameter(
                            description = "pending, created, rejected, confirmed, preparing, ready, completed or "
                                    + "cancelled")
                    @RequestParam(required = false)
                    String status,
            @Parameter(description = "ISO-8601 UTC instant, inclusive", example = "2026-01-31T00:00:00Z")
                    @RequestParam(name = "created_from", required = false)
                    String createdFrom,
            @Parameter(description = "ISO-8601 UTC instant, exclusive", example = "2026-02-01T00:00:00Z")
                    @RequestParam(name = "created_to", required = false)
                    String createdTo,
            @Parameter(description = "items to skip, 0 or more") @RequestParam(required = false) Integer skip,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit,
            @Parameter(description = "the Idempotency-Key the caller placed the order with")
                    @RequestParam(name = "idempotency_key", required = false)
                    String idempotencyKey) {
        var caller = CurrentUser.from(jwt);
        var paging = Paging.of(skip, limit, 20);
        var store = PathIds.optionalObjectId(storeId, "store_id");
        if (store != null) {
            caller.requireStore(store);
        }
        if (status != null
                && !status.isBlank()
                && OrderStatus.fromWireName(status).isEmpty()) {
            throw ApiException.badRequest("Unknown status " + status);
        }
        var search = new OrderSearch(
                store,
                PathIds.optionalObjectId(userId, "user_id"),
                status == null || status.isBlank() ? null : status,
                Instants.optional(createdFrom, "created_from"),
                Instants.optional(createdTo, "created_to"),
                caller.storeAccess());
        if (idempotencyKey != null) {
            var found = placedWithKey(caller, idempotencyKey).filter(search::matches).map(OrderResponse::from).stream()
                    .toList();
            return ResponseEntity.ok()
                    .headers(Paging.totalCount(found.size()))
                    .body(found.stream()
                            .skip(paging.skip())
                            .limit(paging.limit())
                            .toList());
        }
        if (search.matchesNothing()) {
            return ResponseEntity.ok().headers(Paging.totalCount(0)).body(List.of());
        }
        var orders = views.search(search, paging.skip(), paging.limit()).stream()
                .map(OrderResponse::from)
                .toList();
        return ResponseEntity.ok()
                .headers(Paging.totalCount(views.count(search)))
                .body(orders);
    }

    /** The caller's own order placed with this key: the key is the caller's, and so must the placing be. */
    private Optional<OrderSnapshot> placedWithKey(CurrentUser caller, String idempotencyKey) {
        if (idempotencyKey.length() > IdempotentRequests.MAX_KEY_LENGTH
                || !idempotencyKey.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw ApiException.badRequest("Invalid idempotency_key: at most " + IdempotentRequests.MAX_KEY_LENGTH
                            + " printable ASCII characters")
                    .with(
                            "errors",
                            List.of(new FieldError(
                                    "idempotency_key",
                                    "at most " + IdempotentRequests.MAX_KEY_LENGTH + " printable ASCII characters")));
        }
        return IdempotentRequests.normalise(idempotencyKey)
                .flatMap(key -> idempotentRequests.resourceOf(caller.userId(), key))
                .flatMap(views::find)
                .filter(order -> caller.userId().equals(order.placedBy()));
    }

    @Operation(
            summary = "Change an order's status",
            description = "order-processor decides: setting the current status is a 200 no-op, any move its "
                    + "lifecycle does not allow is a 409 naming the statuses allowed next.")
    @ApiResponse(responseCode = "200", description = "The order after the change")
    @ApiResponse(
            responseCode = "202",
            description = "Published, decision still pending: the order as known",
            headers = @Header(name = "Location", description = "/orders/{order_id}", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = OrderResponse.Envelope.class)))
    @ApiResponse(
            responseCode = "400",
            description =
                    "Invalid status. Must be one of: created, confirmed, " + "preparing, ready, completed, cancelled")
    @ApiResponse(
            responseCode = "403",
            description = "A kitchen display asking for anything but the order's next "
                    + "status (created, confirmed, preparing, ready, completed)")
    @ApiResponse(
            responseCode = "404",
            description = "Order not found, or in a store that is not the caller's (the " + "same answer)")
    @ApiResponse(responseCode = "409", description = "Cannot change status from <a> to <b> (`allowed_next`)")
    @PatchMapping("/{orderId}/status")
    CompletableFuture<ResponseEntity<OrderResponse.Envelope>> changeStatus(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String orderId,
            @Valid @RequestBody ChangeStatusRequest request) {
        return statusChanges.change(CurrentUser.from(jwt), PathIds.objectId(orderId, "order_id"), request.status());
    }
}
