package pos.api.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pos.api.catalog.CatalogProducts;
import pos.api.idempotency.IdempotentRequests;
import pos.api.idempotency.JsonResponses;
import pos.api.idempotency.RequestFingerprint;
import pos.api.idempotency.StoredResponse;
import pos.api.identity.CurrentUser;
import pos.api.web.ApiException;
import pos.api.web.Instants;
import pos.api.web.Paging;
import pos.api.web.PathIds;

@RestController
@RequestMapping("/stores/{storeId}/inventory")
@Tag(name = "Inventory")
class InventoryController {

    private final StockAdjustments adjustments;
    private final StockViews views;
    private final StockMovements movements;
    private final CatalogProducts catalog;
    private final IdempotentRequests idempotentRequests;
    private final JsonResponses responses;

    InventoryController(
            StockAdjustments adjustments,
            StockViews views,
            StockMovements movements,
            CatalogProducts catalog,
            IdempotentRequests idempotentRequests,
            JsonResponses responses) {
        this.adjustments = adjustments;
        this.views = views;
        this.movements = movements;
        this.catalog = catalog;
        this.idempotentRequests = idempotentRequests;
        this.responses = responses;
    }

    @Operation(
            summary = "Adjust the stock of a product",
            description = "Adds the non-zero `delta` to the quantity on hand. `reason_code` says what kind of "
                    + "adjustment it is (delivery, count, waste, return, transfer, correction), `note` why; the "
                    + "original's free-text `reason` is the note when no note is sent, and without a `reason_code` "
                    + "the kind it names (else correction). inventory-processor decides; the answer carries the "
                    + "stock after the change, and the change shows in the product's movements.")
    @ApiResponse(
            responseCode = "200",
            description = "Applied: the stock after the change",
            content = @Content(schema = @Schema(implementation = InventoryItem.Envelope.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Validation failed, or `Insufficient stock`: available "
                    + "stock would drop below zero (`available` has the quantity)")
    @StockCommandResponses
    @PostMapping("/adjust")
    CompletableFuture<ResponseEntity<String>> adjust(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String storeId,
            @Valid @RequestBody AdjustStockRequest request,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        return once(
                jwt,
                storeId,
                "adjust",
                request,
                idempotencyKey,
                (caller, store, claim) -> adjustments.adjust(caller, store, request, claim));
    }

    @Operation(
            summary = "Record a physical count of a product",
            description = "On hand becomes the counted `qty`; the store ledger takes the difference from the stock "
                    + "as it is when the count reaches it (so an order placed meanwhile keeps its reservation) and "
                    + "records it as one movement of type `count`. Refused if fewer were counted than orders "
                    + "have reserved.")
    @ApiResponse(
            responseCode = "200",
            description = "Applied: the stock after the count",
            content = @Content(schema = @Schema(implementation = InventoryItem.Envelope.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Validation failed, or the count is below the quantity "
                    + "reserved for orders (`available` has what is available now)")
    @StockCommandResponses
    @PostMapping("/count")
    CompletableFuture<ResponseEntity<String>> count(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String storeId,
            @Valid @RequestBody CountStockRequest request,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        return once(
                jwt,
                storeId,
                "count",
                request,
                idempotencyKey,
                (caller, store, claim) -> adjustments.count(caller, store, request, claim));
    }

    /** A stock command of the caller's store, done at most once per Idempotency-Key. */
    private CompletableFuture<ResponseEntity<String>> once(
            Jwt jwt, String storeId, String operation, Object request, String idempotencyKey, StockCommand command) {
        adjustments.requireRoom();
        var caller = CurrentUser.from(jwt);
        var store = caller.requireStoreFromPath(storeId);
        var fingerprint = RequestFingerprint.of("POST /stores/" + store + "/inventory/" + operation, request);
        return idempotentRequests
                .runAsync(
                        caller.userId(),
                        IdempotentRequests.normalise(idempotencyKey),
                        fingerprint,
                        claim -> command.run(caller, store, claim),
                        responses::problem)
                .thenApply(responses::toEntity);
    }

    @FunctionalInterface
    private interface StockCommand {
        CompletableFuture<StoredResponse> run(CurrentUser caller, String store, IdempotentRequests.Claim claim);
    }

    @Operation(
            summary = "List the movements of a product's stock in a store",
            description = "Every change, newest first: adjustments and counts with the account that made them "
                    + "(`by_type` user), and the reservation, release and sale of each order (`by_type` order), "
                    + "with the quantities on hand and reserved before and after. Read from the stock-movement "
                    + "read model, which follows pos.inventory.events.v1 within moments.")
    @ApiResponse(responseCode = "200", description = "The movements, plain array")
    @ApiResponse(
            responseCode = "404",
            description = "Product not found, or Store not found: not one of the " + "caller's stores")
    @GetMapping("/{productId}/movements")
    ResponseEntity<List<StockMovement>> movements(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String storeId,
            @PathVariable String productId,
            @Parameter(description = "ISO-8601 UTC instant, inclusive", example = "2026-01-31T00:00:00Z")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "ISO-8601 UTC instant, exclusive", example = "2026-02-01T00:00:00Z")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "items to skip, 0 or more") @RequestParam(required = false) Integer skip,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit) {
        var store = CurrentUser.from(jwt).requireStoreFromPath(storeId);
        var product = PathIds.objectId(productId, "product_id");
        var paging = Paging.of(skip, limit, 20);
        var page = movements.page(
                store,
                product,
                Instants.optional(from, "from"),
                Instants.optional(to, "to"),
                paging.skip(),
                paging.limit());
        if (page.total() == 0 && catalog.find(product).isEmpty()) {
            throw ApiException.notFound("Product not found");
        }
        return ResponseEntity.ok().headers(Paging.totalCount(page.total())).body(page.movements());
    }

    @Operation(summary = "List a store's stock", description = "Items ordered by product id.")
    @ApiResponse(responseCode = "200", description = "The items, plain array")
    @ApiResponse(responseCode = "404", description = "Store not found: not one of the caller's stores")
    @GetMapping
    ResponseEntity<List<InventoryItem>> list(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String storeId,
            @Parameter(description = "items to skip, 0 or more") @RequestParam(required = false) Integer skip,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit,
            @Parameter(description = "only items at or below their low-stock threshold")
                    @RequestParam(required = false, defaultValue = "false")
                    boolean low) {
        var store = CurrentUser.from(jwt).requireStoreFromPath(storeId);
        var paging = Paging.of(skip, limit, 20);
        return ResponseEntity.ok()
                .headers(Paging.totalCount(views.count(store, low)))
                .body(views.list(store, low, paging.skip(), paging.limit()));
    }

    @Operation(
            summary = "Get the stock of a product in a store",
            description = "A catalog product never stocked in this store answers zeros (version 0).")
    @ApiResponse(responseCode = "200", description = "The item")
    @ApiResponse(
            responseCode = "404",
            description = "Product not found, or Store not found: not one of the " + "caller's stores")
    @GetMapping("/{productId}")
    InventoryItem get(@AuthenticationPrincipal Jwt jwt, @PathVariable String storeId, @PathVariable String productId) {
        var store = CurrentUser.from(jwt).requireStoreFromPath(storeId);
        var product = PathIds.objectId(productId, "product_id");
        return views.find(store, product)
                .orElseGet(() -> catalog.find(product)
                        .map(p -> InventoryItem.none(store, product))
                        .orElseThrow(() -> ApiException.notFound("Product not found")));
    }
}
