package pos.api.catalog;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The catalog's answers to bad input: the request records and path ids refuse it before anything reads or writes
 * the catalog, so a web slice with the catalog's services mocked is enough, and no broker or database is booted.
 * What needs stored data (duplicates, unknown or inactive categories, 404s) stays in the ITs.
 */
@WebMvcTest(controllers = {CategoryController.class, ProductController.class})
class CatalogValidationWebMvcTest implements CatalogRequests {

    private static final String SOME_ID = "0123456789abcdef01234567";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Categories categories;

    @MockitoBean
    MongoCategories categoryStore;

    @MockitoBean
    Products products;

    @MockitoBean
    MongoProducts productStore;

    @Test
    void refusesACategoryPrefixLongerThanTenCharacters() throws Exception {
        for (var request : List.of(
                post("/categories", category("ABCDEFGHIJK")), put("/categories/" + SOME_ID, category("ABCDEFGHIJK")))) {
            request.andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("SKU prefix must not exceed 10 characters"))
                    .andExpect(jsonPath("$.errors[0].field").value("sku_prefix"));
        }
        verifyNoInteractions(categories);
    }

    @Test
    void refusesACategoryPrefixThatCouldNotBeInAUrl() throws Exception {
        post("/categories", category("A/B"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sku_prefix"));
    }

    @Test
    void namesEveryMissingCategoryField() throws Exception {
        post("/categories", "{\"name\": \" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Validation failed"))
                .andExpect(
                        jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "display_name", "sku_prefix")));
    }

    @Test
    void refusesAMalformedCategoryBody() throws Exception {
        post("/categories", "{\"name\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesAMalformedCategoryId() throws Exception {
        for (var request : List.of(
                get("/categories/abc"), put("/categories/abc", "{\"active\": true}"), delete("/categories/abc"))) {
            request.andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("Invalid category ID"));
        }
        verifyNoInteractions(categories);
    }

    @Test
    void refusesCategoryPagingOutOfRange() throws Exception {
        get("/categories?limit=0")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        get("/categories?limit=101").andExpect(status().isBadRequest());
        get("/categories?skip=-1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("skip"));
        get("/categories?limit=ten").andExpect(status().isBadRequest());
        verifyNoInteractions(categoryStore);
    }

    @Test
    void aCategoryReplacementNeedsAllThreeFields() throws Exception {
        put("/categories/" + SOME_ID, "{\"display_name\": \"Only\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "sku_prefix")));
        verifyNoInteractions(categories);
    }

    @Test
    void leavesCategoryDeactivationToDelete() throws Exception {
        put("/categories/" + SOME_ID, "{\"active\": false}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("active"));
        verifyNoInteractions(categories);
    }

    @Test
    void refusesAClientSkuOutsideThePattern() throws Exception {
        for (String sku : List.of("-ABC", "A", "AB/CD", "AB CD", "A".repeat(65))) {
            post("/products", """
                    {"name": "Bad", "price": "2", "sku": "%s"}""".formatted(sku))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("sku"));
        }
        verifyNoInteractions(products);
    }

    @Test
    void refusesMalformedDecimalsWithTheOriginalMessage() throws Exception {
        for (String price : List.of(
                "\"0.001\"",
                "\"12345678901234567\"",
                "\"NaN\"",
                "\"Infinity\"",
                "\"\"",
                "true",
                "{}",
                "[1]",
                "\"abc\"")) {
            post("/products", "{\"name\": \"Bad\", \"price\": %s}".formatted(price))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("price"))
                    .andExpect(jsonPath("$.errors[0].message").value("Format angka tidak didukung (16:2)"));
        }
    }

    @Test
    void refusesNegativePricesAndCostsAndAMissingPrice() throws Exception {
        post("/products", "{\"name\": \"Neg\", \"price\": \"-1\", \"cost\": \"-0.01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("price", "cost")))
                .andExpect(jsonPath("$.errors[0].message").value("must be greater than or equal to 0"));
        post("/products", "{\"name\": \"Null\", \"price\": null}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("price"));
        post("/products", "{\"price\": \"1\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        verifyNoInteractions(products);
    }

    @Test
    void refusesAMalformedProductIdOrCategoryFilter() throws Exception {
        get("/products/xyz").andExpect(status().isBadRequest());
        patch("/products/xyz", "{\"name\": \"x\"}").andExpect(status().isBadRequest());
        get("/products?category_id=bad").andExpect(status().isBadRequest());
        get("/products?limit=101").andExpect(status().isBadRequest());
        verifyNoInteractions(products, productStore);
    }

    @Test
    void refusesBadPatches() throws Exception {
        // as Products.patch does, before it reads the product
        given(products.patch(any(), any())).willAnswer(call -> {
            call.<ProductPatch>getArgument(1).toUpdate();
            throw new AssertionError("a bad patch passed validation");
        });

        patch("/products/" + SOME_ID, "{\"name\": null, \"price\": null}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "price")));
        patch("/products/" + SOME_ID, "{\"price\": \"-1\"}").andExpect(status().isBadRequest());
        patch("/products/" + SOME_ID, "{\"cost\": \"0.001\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Format angka tidak didukung (16:2)"));
    }

    private static String category(String prefix) {
        return """
                {"name": "drinks", "display_name": "Drinks", "sku_prefix": "%s"}""".formatted(prefix);
    }

    @Override
    public MockMvc mvc() {
        return mvc;
    }
}
