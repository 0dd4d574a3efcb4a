package pos.api.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pos.api.web.Paging;

/** Endpoints 6-11 of the original, same paths (with or without the trailing slash) and bodies. */
@RestController
@RequestMapping("/categories")
@Tag(name = "Categories")
class CategoryController {

    /** The original's answer to a delete. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CategoryDeleted")
    record Deleted(String message) {}

    static final int DEFAULT_LIMIT = 100;

    private final Categories categories;
    private final MongoCategories store;

    CategoryController(Categories categories, MongoCategories store) {
        this.categories = categories;
        this.store = store;
    }

    @Operation(
            summary = "Create a category",
            description = "`name` is stored lower-cased and unique regardless "
                    + "of case; `sku_prefix` upper-cased (0 to 10 SKU characters).")
    @PostMapping
    CategoryResponse create(@RequestBody CategoryRequest body) {
        return CategoryResponse.of(categories.create(body.toNewCategory()));
    }

    @Operation(summary = "List categories", description = "Oldest first.")
    @GetMapping
    ResponseEntity<List<CategoryResponse>> list(
            @Parameter(description = "items to skip, 0 or more") @RequestParam(required = false) Integer skip,
            @Parameter(description = "1 to 100, default 100") @RequestParam(required = false) Integer limit,
            @RequestParam(name = "active_only", defaultValue = "false") boolean activeOnly) {
        var paging = Paging.of(skip, limit, DEFAULT_LIMIT);
        var page = store.list(activeOnly, paging).stream()
                .map(CategoryResponse::of)
                .toList();
        return ResponseEntity.ok()
                .headers(Paging.totalCount(store.count(activeOnly)))
                .body(page);
    }

    /** Not paginated, as in the original; sorted by display name. */
    @Operation(summary = "Categories for drop-downs", description = "Not paginated; sorted by display name.")
    @GetMapping("/combo")
    ResponseEntity<List<CategoryComboItem>> combo(
            @RequestParam(name = "active_only", defaultValue = "true") boolean activeOnly) {
        var all = store.byDisplayName(activeOnly).stream()
                .map(CategoryComboItem::of)
                .toList();
        return ResponseEntity.ok().headers(Paging.totalCount(all.size())).body(all);
    }

    @Operation(summary = "Get a category")
    @ApiResponse(responseCode = "200", description = "The category")
    @ApiResponse(responseCode = "404", description = "Category not found")
    @GetMapping("/{id}")
    CategoryResponse get(@PathVariable String id) {
        return CategoryResponse.of(categories.get(CatalogIds.categoryId(id)));
    }

    @Operation(
            summary = "Replace a category, or reactivate it",
            description = "`name`, `display_name` and `sku_prefix` are required together; an omitted description "
                    + "becomes null. `{\"active\": true}` alone reactivates a deleted category.")
    @ApiResponse(responseCode = "200", description = "The category after the change")
    @ApiResponse(responseCode = "404", description = "Category not found")
    @ApiResponse(
            responseCode = "409",
            description = "The category is inactive; send \"active\": true to " + "reactivate it")
    @PutMapping("/{id}")
    CategoryResponse replace(@PathVariable String id, @RequestBody CategoryRequest body) {
        String categoryId = CatalogIds.categoryId(id);
        return CategoryResponse.of(categories.replace(categoryId, body.toEdit()));
    }

    @Operation(summary = "Delete (deactivate) a category")
    @ApiResponse(responseCode = "200", description = "`{\"message\": \"Category deleted successfully\"}`")
    @ApiResponse(responseCode = "404", description = "Category not found")
    @ApiResponse(responseCode = "409", description = "Cannot delete category: N product(s) reference this category")
    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id) {
        categories.delete(CatalogIds.categoryId(id));
        return new Deleted("Category deleted successfully");
    }
}
