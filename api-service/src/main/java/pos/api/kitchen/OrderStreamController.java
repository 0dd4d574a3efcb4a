package pos.api.kitchen;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import pos.api.idempotency.JsonResponses;
import pos.api.identity.CurrentUser;
import pos.api.kitchen.domain.FeedCursor;
import pos.api.web.ApiException;

@RestController
@Tag(name = "Kitchen display")
class OrderStreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final OrderStreams streams;
    private final JsonResponses responses;

    OrderStreamController(OrderStreams streams, JsonResponses responses) {
        this.streams = streams;
        this.responses = responses;
    }

    @Operation(summary = "Follow a store's orders (Server-Sent Events)", description = """
                    One event per order status change of the store, in order per order, as `text/event-stream`, for \
                    its staff and its paired displays. A new stream starts with `event: snapshot` (the open orders: \
                    created, confirmed, preparing, ready); then `event: order` per change (`sequence` orders one \
                    order's changes). Every event's `id` is a position in every partition of the order events topic \
                    (`0:123.1:456`): reconnect with it as `Last-Event-ID` and the stream resumes right after it, \
                    from the topic, missing and repeating nothing. An id older than the topic's history gets \
                    `event: reset` and a fresh snapshot. A comment line every 15 s keeps proxies from closing a \
                    quiet stream. `event: end` says why the server closes it (token revoked or expired, account \
                    deactivated, client too far behind, 30 min reached). At most 5 streams per user or display and \
                    200 per instance: 429 with Retry-After beyond.""")
    @ApiResponse(
            responseCode = "200",
            description = "The stream",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(type = "string", example = """
                            event: snapshot
                            id: 0:41.1:17.2:30
                            retry: 2000
                            data: {"orders":[{"sequence":2,"order":{"id":"65b...","status":"created",...}}],\
                            "truncated":false}

                            event: order
                            id: 0:41.1:19.2:30
                            data: {"sequence":3,"previous_status":"created","order":{"id":"65b...",\
                            "status":"confirmed",...}}

                            : keep-alive
                            """)))
    @ApiResponse(responseCode = "400", description = "Last-Event-ID is not an id of this stream")
    @ApiResponse(responseCode = "404", description = "Store not found: not one of the caller's stores")
    @ApiResponse(
            responseCode = "429",
            description = "Too many open streams for this user or display, or on this " + "instance",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")))
    @GetMapping(path = "/stores/{storeId}/orders/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String storeId,
            @Parameter(description = "The id of the last event received, to resume after it")
                    @RequestHeader(value = LAST_EVENT_ID, required = false)
                    String lastEventId) {
        var caller = CurrentUser.from(jwt);
        var store = caller.requireStoreFromPath(storeId);
        FeedCursor resume = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            resume = FeedCursor.parse(lastEventId.strip())
                    .orElseThrow(() -> ApiException.badRequest("Last-Event-ID is not an id of this stream"));
        }
        var emitter = streams.open(caller.userId(), store, jwt.getTokenValue(), resume);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                // nginx and similar proxies: pass each event through at once
                .header("X-Accel-Buffering", "no")
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(emitter);
    }

    /** Problems as everywhere else, whatever the client accepts (an EventSource accepts text/event-stream only). */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> refused(ApiException e) {
        var problem = responses.problem(e);
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.body());
    }

    @ExceptionHandler(OrderStreams.LimitReached.class)
    ResponseEntity<String> limited(OrderStreams.LimitReached e) {
        var problem = responses.problem(new ApiException(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem.body());
    }
}
