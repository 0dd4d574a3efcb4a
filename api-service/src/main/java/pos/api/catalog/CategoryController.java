package pos.api.catalog;

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

import java.util.List;
import java.util.Map;

/** Endpoints 6-11 of the original, same paths (with or without the trailing slash) and bodies. */
@RestController
@RequestMapping("/categories")
class CategoryController {

    static final int DEFAULT_LIMIT = 100;

    private final Categories categories;
    private final MongoCategories store;

    CategoryController(Categories categories, MongoCategories store) {
        this.categories = categories;
        this.store = store;
    }

    @PostMapping
    CategoryResponse create(@RequestBody CategoryRequest body) {
        return CategoryResponse.of(categories.create(body.toNewCategory()));
    }

    @GetMapping
    ResponseEntity<List<CategoryResponse>> list(@RequestParam(required = false) Integer skip,
            @RequestParam(required = false) Integer limit,
            @RequestParam(name = "active_only", defaultValue = "false") boolean activeOnly) {
        var paging = Paging.of(skip, limit, DEFAULT_LIMIT);
        var page = store.list(activeOnly, paging).stream().map(CategoryResponse::of).toList();
        return ResponseEntity.ok().headers(Paging.totalCount(store.count(activeOnly))).body(page);
    }

    /** Not paginated, as in the original; sorted by display name. */
    @GetMapping("/combo")
    ResponseEntity<List<CategoryComboItem>> combo(
            @RequestParam(name = "active_only", defaultValue = "true") boolean activeOnly) {
        var all = store.byDisplayName(activeOnly).stream().map(CategoryComboItem::of).toList();
        return ResponseEntity.ok().headers(Paging.totalCount(all.size())).body(all);
    }

    @GetMapping("/{id}")
    CategoryResponse get(@PathVariable String id) {
        return CategoryResponse.of(categories.get(CatalogIds.categoryId(id)));
    }

    @PutMapping("/{id}")
    CategoryResponse replace(@PathVariable String id, @RequestBody CategoryRequest body) {
        String categoryId = CatalogIds.categoryId(id);
        return CategoryResponse.of(categories.replace(categoryId, body.toEdit()));
    }

    @DeleteMapping("/{id}")
    Map<String, String> delete(@PathVariable String id) {
        categories.delete(CatalogIds.categoryId(id));
        return Map.of("message", "Category deleted successfully");
    }
}
