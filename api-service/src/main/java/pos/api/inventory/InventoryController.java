package pos.api.inventory;

import jakarta.validation.Valid;
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
import pos.api.identity.CurrentUser;
import pos.api.idempotency.IdempotentRequests;
import pos.api.idempotency.RequestFingerprint;
import pos.api.web.ApiException;
import pos.api.web.JsonResponses;
import pos.api.web.Paging;
import pos.api.web.PathIds;

import java.util.List;

@RestController
@RequestMapping("/stores/{storeId}/inventory")
class InventoryController {

    private final StockAdjustments adjustments;
    private final StockViews views;
    private final CatalogProducts catalog;
    private final IdempotentRequests idempotentRequests;
    private final JsonResponses responses;

    InventoryController(StockAdjustments adjustments, StockViews views, CatalogProducts catalog,
            IdempotentRequests idempotentRequests, JsonResponses responses) {
        this.adjustments = adjustments;
        this.views = views;
        this.catalog = catalog;
        this.idempotentRequests = idempotentRequests;
        this.responses = responses;
    }

    @PostMapping("/adjust")
    ResponseEntity<String> adjust(@AuthenticationPrincipal Jwt jwt, @PathVariable String storeId,
            @Valid @RequestBody AdjustStockRequest request,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        var caller = CurrentUser.from(jwt);
        var store = PathIds.objectId(storeId, "store_id");
        caller.requireStore(store);
        var key = IdempotentRequests.normalise(idempotencyKey);
        var fingerprint = RequestFingerprint.of("POST /stores/" + store + "/inventory/adjust", request);
        var result = idempotentRequests.run(caller.userId(), key, fingerprint,
                claim -> adjustments.adjust(caller, store, request, claim), responses::problem);
        return responses.toEntity(result);
    }

    @GetMapping
    ResponseEntity<List<InventoryItem>> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String storeId,
            @RequestParam(required = false) Integer skip, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false, defaultValue = "false") boolean low) {
        var store = PathIds.objectId(storeId, "store_id");
        CurrentUser.from(jwt).requireStore(store);
        var paging = Paging.of(skip, limit, 20);
        return ResponseEntity.ok().headers(Paging.totalCount(views.count(store, low)))
                .body(views.list(store, low, paging.skip(), paging.limit()));
    }

    @GetMapping("/{productId}")
    InventoryItem get(@AuthenticationPrincipal Jwt jwt, @PathVariable String storeId,
            @PathVariable String productId) {
        var store = PathIds.objectId(storeId, "store_id");
        CurrentUser.from(jwt).requireStore(store);
        var product = PathIds.objectId(productId, "product_id");
        return views.find(store, product).orElseGet(() -> catalog.find(product)
                .map(p -> InventoryItem.none(store, product))
                .orElseThrow(() -> ApiException.notFound("Product not found")));
    }
}
