package pos.api.order;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pos.api.identity.CurrentUser;
import pos.api.idempotency.IdempotentRequests;
import pos.api.idempotency.RequestFingerprint;
import pos.api.web.ApiException;
import pos.api.web.JsonResponses;
import pos.api.web.Paging;
import pos.api.web.PathIds;
import pos.schemas.value.OrderStatus;

import jakarta.validation.Valid;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

@RestController
@RequestMapping("/orders")
@Validated
class OrderController {

    private final OrderIntake intake;
    private final OrderStatusChanges statusChanges;
    private final OrderViews views;
    private final IdempotentRequests idempotentRequests;
    private final JsonResponses responses;

    OrderController(OrderIntake intake, OrderStatusChanges statusChanges, OrderViews views,
            IdempotentRequests idempotentRequests, JsonResponses responses) {
        this.intake = intake;
        this.statusChanges = statusChanges;
        this.views = views;
        this.idempotentRequests = idempotentRequests;
        this.responses = responses;
    }

    static String location(pos.schemas.value.OrderSnapshot order) {
        return "/orders/" + order.orderId();
    }

    @PostMapping
    ResponseEntity<String> place(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @RequestHeader(value = "Prefer", required = false) String prefer) {
        var caller = CurrentUser.from(jwt);
        var key = IdempotentRequests.normalise(idempotencyKey);
        boolean respondAsync = prefer != null && prefer.toLowerCase().contains("respond-async");
        var fingerprint = RequestFingerprint.of("POST /orders", request.withoutIdempotencyKey());
        var result = idempotentRequests.run(caller.userId(), key, fingerprint,
                claim -> intake.place(caller, request, claim, key, respondAsync), responses::problem);
        return responses.toEntity(result);
    }

    @GetMapping("/{orderId}")
    OrderResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable String orderId) {
        var order = views.find(PathIds.objectId(orderId, "order_id"))
                .orElseThrow(() -> ApiException.notFound("Order not found"));
        CurrentUser.from(jwt).requireStore(order.storeId());
        return OrderResponse.from(order);
    }

    @GetMapping
    ResponseEntity<List<OrderResponse>> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(name = "store_id", required = false) String storeId,
            @RequestParam(name = "user_id", required = false) String userId,
            @RequestParam(required = false) String status,
            @RequestParam(name = "created_from", required = false) String createdFrom,
            @RequestParam(name = "created_to", required = false) String createdTo,
            @RequestParam(required = false) Integer skip,
            @RequestParam(required = false) Integer limit) {
        var caller = CurrentUser.from(jwt);
        var paging = Paging.of(skip, limit, 20);
        var store = PathIds.optionalObjectId(storeId, "store_id");
        if (store != null) {
            caller.requireStore(store);
        }
        if (status != null && !status.isBlank() && OrderStatus.fromWireName(status).isEmpty()) {
            throw ApiException.badRequest("Unknown status " + status);
        }
        var search = new OrderSearch(store, PathIds.optionalObjectId(userId, "user_id"),
                status == null || status.isBlank() ? null : status,
                instant(createdFrom, "created_from"), instant(createdTo, "created_to"), caller.storeIds());
        var orders = views.search(search, paging.skip(), paging.limit()).stream().map(OrderResponse::from).toList();
        return ResponseEntity.ok().headers(Paging.totalCount(views.count(search))).body(orders);
    }

    @PatchMapping("/{orderId}/status")
    ResponseEntity<OrderResponse.Envelope> changeStatus(@AuthenticationPrincipal Jwt jwt,
            @PathVariable String orderId, @Valid @RequestBody ChangeStatusRequest request) {
        return statusChanges.change(CurrentUser.from(jwt), PathIds.objectId(orderId, "order_id"),
                request.status());
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid " + name + ": expected an ISO-8601 UTC instant such as "
                    + "2026-01-31T00:00:00Z");
        }
    }
}
