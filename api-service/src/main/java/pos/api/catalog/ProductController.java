package pos.api.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pos.api.web.Paging;
import pos.api.web.PathIds;

/** Endpoints 12-14 of the original, plus get, patch and archive by id. */
@RestController
@RequestMapping("/products")
@Tag(name = "Products")
class ProductController {

    static final int DEFAULT_LIMIT = 20;

    private final Products products;
    private final MongoProducts store;

    ProductController(Products products, MongoProducts store) {
        this.products = products;
        this.store = store;
    }

    @Operation(
            summary = "Create a product",
            description = "Without a `sku` one is generated: "
                    + "{PREFIX}-{YYYYMMDD}-{CODE}, PREFIX from the active category (PRD without one).")
    @ApiResponse(responseCode = "200", description = "The product, with its SKU")
    @ApiResponse(responseCode = "503", description = "No free SKU found after 20 attempts; retry")
    @PostMapping
    ProductResponse create(@RequestBody CreateProductRequest body) {
        return ProductResponse.of(products.create(body.toNewProduct()));
    }

    /** Archived products are left out; oldest first, so paging is stable while products are added. */
    @Operation(summary = "List products", description = "Archived products are left out; oldest first.")
    @GetMapping
    ResponseEntity<List<ProductResponse>> list(
            @Parameter(description = "items to skip, 0 or more") @RequestParam(required = false) Integer skip,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit,
            @RequestParam(name = "category_id", required = false) String categoryId,
            @Parameter(description = "case-insensitive prefix of the name or the SKU, taken literally")
                    @RequestParam(required = false)
                    String q) {
        var paging = Paging.of(skip, limit, DEFAULT_LIMIT);
        var filter = new ProductFilter(PathIds.optionalObjectId(categoryId, "category_id"), q);
        var page = store.list(filter, paging).stream().map(ProductResponse::of).toList();
        return ResponseEntity.ok()
                .headers(Paging.totalCount(store.count(filter)))
                .body(page);
    }

    @Operation(summary = "Get a product", description = "Archived ones too, with `archived: true`.")
    @ApiResponse(responseCode = "200", description = "The product")
    @ApiResponse(responseCode = "404", description = "Product not found")
    @GetMapping("/{id}")
    ProductResponse get(@PathVariable String id) {
        return ProductResponse.of(products.get(CatalogIds.productId(id)));
    }

    @Operation(
            summary = "Change a product",
            description = "Absent fields stay; null clears `cost`, `unit` or " + "`category_id`.")
    @ApiResponse(responseCode = "200", description = "The product after the change")
    @ApiResponse(responseCode = "404", description = "Product not found")
    @ApiResponse(responseCode = "409", description = "Product is archived")
    @PatchMapping("/{id}")
    ProductResponse patch(@PathVariable String id, @RequestBody ProductPatch body) {
        return ProductResponse.of(products.patch(CatalogIds.productId(id), body));
    }

    @Operation(
            summary = "Archive a product",
            description = "It leaves the lists and cannot be ordered; archiving " + "twice answers 200.")
    @ApiResponse(responseCode = "200", description = "The archived product (`archived: true`)")
    @ApiResponse(responseCode = "404", description = "Product not found")
    @DeleteMapping("/{id}")
    ProductResponse archive(@PathVariable String id) {
        return ProductResponse.of(products.archive(CatalogIds.productId(id)));
    }

    @Operation(summary = "Give a product a new generated SKU")
    @ApiResponse(responseCode = "200", description = "The product with its new SKU")
    @ApiResponse(responseCode = "404", description = "Product not found")
    @ApiResponse(responseCode = "409", description = "Product is archived")
    @ApiResponse(responseCode = "503", description = "No free SKU found after 20 attempts; retry")
    @PostMapping("/{sku}/regenerate-sku")
    ProductResponse regenerateSku(@PathVariable String sku) {
        return ProductResponse.of(products.regenerateSku(sku));
    }
}
