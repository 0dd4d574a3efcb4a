package pos.api.catalog;

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

import java.util.List;

/** Endpoints 12-14 of the original, plus get, patch and archive by id. */
@RestController
@RequestMapping("/products")
class ProductController {

    static final int DEFAULT_LIMIT = 20;

    private final Products products;
    private final MongoProducts store;

    ProductController(Products products, MongoProducts store) {
        this.products = products;
        this.store = store;
    }

    @PostMapping
    ProductResponse create(@RequestBody CreateProductRequest body) {
        return ProductResponse.of(products.create(body.toNewProduct()));
    }

    /** Archived products are left out; oldest first, so paging is stable while products are added. */
    @GetMapping
    ResponseEntity<List<ProductResponse>> list(@RequestParam(required = false) Integer skip,
            @RequestParam(required = false) Integer limit,
            @RequestParam(name = "category_id", required = false) String categoryId,
            @RequestParam(required = false) String q) {
        var paging = Paging.of(skip, limit, DEFAULT_LIMIT);
        var filter = new ProductFilter(PathIds.optionalObjectId(categoryId, "category_id"), q);
        var page = store.list(filter, paging).stream().map(ProductResponse::of).toList();
        return ResponseEntity.ok().headers(Paging.totalCount(store.count(filter))).body(page);
    }

    @GetMapping("/{id}")
    ProductResponse get(@PathVariable String id) {
        return ProductResponse.of(products.get(CatalogIds.productId(id)));
    }

    @PatchMapping("/{id}")
    ProductResponse patch(@PathVariable String id, @RequestBody ProductPatch body) {
        return ProductResponse.of(products.patch(CatalogIds.productId(id), body));
    }

    @DeleteMapping("/{id}")
    ProductResponse archive(@PathVariable String id) {
        return ProductResponse.of(products.archive(CatalogIds.productId(id)));
    }

    @PostMapping("/{sku}/regenerate-sku")
    ProductResponse regenerateSku(@PathVariable String sku) {
        return ProductResponse.of(products.regenerateSku(sku));
    }
}
