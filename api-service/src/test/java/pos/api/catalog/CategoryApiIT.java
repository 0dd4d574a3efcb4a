package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

class CategoryApiIT extends AbstractCatalogIT {

    private static final String UTC_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z";

    @Test
    void createsACategoryWithALowerCaseNameAndAnUpperCasePrefix() throws Exception {
        String name = unique("Hot Drinks ");
        post("/categories/", """
                {"name": "%s", "display_name": "Hot Drinks", "sku_prefix": "hd", "description": "Tea and coffee"}""".formatted(name.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(matchesPattern("[0-9a-f]{24}")))
                .andExpect(jsonPath("$.name").value(name.toLowerCase()))
                .andExpect(jsonPath("$.display_name").value("Hot Drinks"))
                .andExpect(jsonPath("$.sku_prefix").value("HD"))
                .andExpect(jsonPath("$.description").value("Tea and coffee"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.created_at").value(matchesPattern(UTC_TIMESTAMP)))
                .andExpect(jsonPath("$.updated_at").value(matchesPattern(UTC_TIMESTAMP)));
    }

    @Test
    void answersWithAndWithoutTheTrailingSlash() throws Exception {
        String id = createCategory(unique("slash"), "SL");

        post("/categories", """
                {"name": "%s", "display_name": "x", "sku_prefix": ""}""".formatted(unique("noslash"))).andExpect(status().isOk());
        get("/categories").andExpect(status().isOk());
        get("/categories/").andExpect(status().isOk());
        get("/categories/combo/").andExpect(status().isOk());
        get("/categories/" + id + "/")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
    }

    @Test
    void allowsAnEmptyPrefixAndAMissingDescription() throws Exception {
        post("/categories/", """
                {"name": "%s", "display_name": "Misc", "sku_prefix": ""}""".formatted(unique("misc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sku_prefix").value(""))
                .andExpect(jsonPath("$.description").value(nullValue()));
    }

    @Test
    void refusesANameTakenInAnyCase() throws Exception {
        String name = unique("food");
        createCategory(name, "FOD");

        post("/categories/", """
                {"name": "%s", "display_name": "Food", "sku_prefix": "F"}""".formatted(name.toUpperCase()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(
                        jsonPath("$.detail").value("Category with name '" + name.toUpperCase() + "' already exists"));
    }

    @Test
    void readsACategoryById() throws Exception {
        String name = unique("bakery");
        String id = createCategory(name, "BAK");

        get("/categories/" + id.toUpperCase())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value(name));
    }

    @Test
    void answers404ForAnUnknownId() throws Exception {
        for (var request : List.of(
                get("/categories/0123456789abcdef01234567"),
                put("/categories/0123456789abcdef01234567", "{\"active\": true}"),
                delete("/categories/0123456789abcdef01234567"))) {
            request.andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("Category not found"));
        }
    }

    @Test
    void listsInCreationOrderWithATotalCount() throws Exception {
        long before = total(get("/categories/?limit=1"));
        String first = createCategory(unique("list-a"), "LA");
        String second = createCategory(unique("list-b"), "LB");
        String third = createCategory(unique("list-c"), "LC");

        var page = get("/categories/?skip=" + (before + 1) + "&limit=2")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", String.valueOf(before + 3)))
                .andExpect(jsonPath("$", hasSize(2)));
        assertThat(List.<String>copyOf(read(page, "$[*].id"))).containsExactly(second, third);
        assertThat(List.<String>copyOf(read(get("/categories/?skip=" + before), "$[*].id")))
                .startsWith(first, second, third);
    }

    @Test
    void limitsTheListToAHundredByDefault() throws Exception {
        get("/categories/")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.lessThanOrEqualTo(100)));
    }

    @Test
    void listsInactiveCategoriesUnlessAskedForActiveOnes() throws Exception {
        String id = createCategory(unique("gone"), "GN");
        delete("/categories/" + id).andExpect(status().isOk());

        assertThat(List.<String>copyOf(read(get("/categories/?limit=100&skip=" + skipToEnd()), "$[*].id")))
                .contains(id);
        long activeTotal = total(get("/categories/?active_only=true&limit=1"));
        assertThat(List.<String>copyOf(read(
                        get("/categories/?active_only=true&limit=100&skip=" + Math.max(0, activeTotal - 100)),
                        "$[*].id")))
                .doesNotContain(id);
    }

    @Test
    void combosAreSortedByDisplayNameAndActiveOnlyByDefault() throws Exception {
        String tag = unique("combo");
        String zebra = idOf(post("/categories/", category(tag + "-1", "Zebra " + tag)));
        String apple = idOf(post("/categories/", category(tag + "-2", "Apple " + tag)));
        String mango = idOf(post("/categories/", category(tag + "-3", "Mango " + tag)));
        delete("/categories/" + mango).andExpect(status().isOk());

        var combo = get("/categories/combo").andExpect(status().isOk());
        assertThat(List.<String>copyOf(read(combo, "$[*].id")))
                .containsSubsequence(apple, zebra)
                .doesNotContain(mango);
        assertThat(List.<String>copyOf(read(combo, "$[*].display_name"))).isSorted();
        assertThat(read(combo, "$[0]").toString())
                .contains("id", "name", "display_name")
                .doesNotContain("sku_prefix");

        var all = get("/categories/combo?active_only=false").andExpect(status().isOk());
        assertThat(List.<String>copyOf(read(all, "$[*].id"))).containsSubsequence(apple, mango, zebra);
    }

    @Test
    void replacesTheEditableFields() throws Exception {
        String id = idOf(post("/categories/", """
                {"name": "%s", "display_name": "Old", "sku_prefix": "OLD", "description": "old one"}""".formatted(unique("old"))));
        String newName = unique("New ");

        put("/categories/" + id + "/", """
                {"name": "%s", "display_name": "New", "sku_prefix": "nw"}""".formatted(newName))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(newName.toLowerCase()))
                .andExpect(jsonPath("$.display_name").value("New"))
                .andExpect(jsonPath("$.sku_prefix").value("NW"))
                .andExpect(jsonPath("$.description").value(nullValue()))
                .andExpect(jsonPath("$.active").value(true));
        get("/categories/" + id).andExpect(jsonPath("$.display_name").value("New"));
    }

    @Test
    void keepsItsOwnNameOnReplaceButNotAnothersName() throws Exception {
        String taken = unique("taken");
        createCategory(taken, "TK");
        String mine = unique("mine");
        String id = createCategory(mine, "MN");

        put("/categories/" + id, category(mine.toUpperCase(), "Mine")).andExpect(status().isOk());
        put("/categories/" + id, category(taken.toUpperCase(), "Mine"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.detail").value("Category with name '" + taken.toUpperCase() + "' already exists"));
    }

    @Test
    void softDeletesAndReactivatesWithActiveTrue() throws Exception {
        String name = unique("seasonal");
        String id = createCategory(name, "SEA");

        delete("/categories/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("Category deleted successfully"));
        get("/categories/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        delete("/categories/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("Category deleted successfully"));

        put("/categories/" + id, category(name, "Edited while inactive"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Categories.INACTIVE));
        put("/categories/" + id, "{\"active\": true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.sku_prefix").value("SEA"));
    }

    @Test
    void reactivatesAndEditsInOneReplacement() throws Exception {
        String id = createCategory(unique("winter"), "WI");
        delete("/categories/" + id).andExpect(status().isOk());

        put("/categories/" + id, """
                {"name": "%s", "display_name": "Winter", "sku_prefix": "WNT", "active": true}""".formatted(unique("winter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.sku_prefix").value("WNT"));
    }

    @Test
    void aDeletedCategoryKeepsItsName() throws Exception {
        String name = unique("reserved");
        String id = createCategory(name, "RS");
        delete("/categories/" + id).andExpect(status().isOk());

        post("/categories/", category(name, "Again"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Category with name '" + name + "' already exists"));
    }

    @Test
    void refusesToDeleteACategoryUsedByProducts() throws Exception {
        String id = createCategory(unique("used"), "US");
        String first = createProduct("""
                {"name": "One", "price": "1.00", "category_id": "%s"}""".formatted(id));
        createProduct("""
                {"name": "Two", "price": "2.00", "category_id": "%s"}""".formatted(id));

        delete("/categories/" + id)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Cannot delete category: 2 product(s) reference this category"));
        get("/categories/" + id).andExpect(jsonPath("$.active").value(true));

        delete("/products/" + first).andExpect(status().isOk());
        delete("/categories/" + id)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Cannot delete category: 1 product(s) reference this category"));
    }

    @Test
    void archivedProductsDoNotHoldACategory() throws Exception {
        String id = createCategory(unique("archived"), "AR");
        String product = createProduct("""
                {"name": "Old", "price": "1", "category_id": "%s"}""".formatted(id));
        delete("/products/" + product).andExpect(status().isOk());

        delete("/categories/" + id).andExpect(status().isOk());
    }

    @Test
    void storesNamesUnderAUniqueIndex() {
        var indexes = mongo.indexOps(MongoCategories.COLLECTION).getIndexInfo();

        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.isUnique()).isTrue();
            assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly("name");
        });
    }

    @Test
    void storesTheOriginalDocumentShape() throws Exception {
        String id = createCategory(unique("shape"), "sh");

        var stored = mongo.findOne(
                Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(id))),
                Document.class,
                MongoCategories.COLLECTION);
        assertThat(stored).containsKeys("name", "display_name", "sku_prefix", "active", "created_at", "updated_at");
        assertThat(stored.get("sku_prefix")).isEqualTo("SH");
        assertThat(stored.get("created_at")).isInstanceOf(java.util.Date.class);
    }

    @Test
    void aCategoryDeactivatedBehindOurBackStillReadsFine() throws Exception {
        String id = createCategory(unique("behind"), "BH");
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(id))),
                Update.update("active", false),
                MongoCategories.COLLECTION);

        get("/categories/" + id).andExpect(jsonPath("$.active").value(false));
    }

    private static String category(String name, String displayName) {
        return """
                {"name": "%s", "display_name": "%s", "sku_prefix": "X"}""".formatted(name, displayName);
    }

    private long skipToEnd() throws Exception {
        return Math.max(0, total(get("/categories/?limit=1")) - 100);
    }

    private static long total(org.springframework.test.web.servlet.ResultActions result) {
        return Long.parseLong(result.andReturn().getResponse().getHeader("X-Total-Count"));
    }
}
