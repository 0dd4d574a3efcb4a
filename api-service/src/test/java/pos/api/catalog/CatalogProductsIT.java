package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What orders and inventory see of the catalog through {@link CatalogProducts}. */
class CatalogProductsIT extends AbstractCatalogIT {

    @Autowired
    CatalogProducts catalog;

    @Test
    void findsOrderableProductsWithTheirCatalogPrice() throws Exception {
        String sku = unique("ORD-");
        String tea = createProduct("{\"name\": \"Tea\", \"price\": \"2.50\", \"sku\": \"%s\"}".formatted(sku));
        String cake = createProduct("{\"name\": \"Cake\", \"price\": \"4\"}");

        var found = catalog.findOrderable(List.of(tea, cake.toUpperCase(), "0123456789abcdef01234567", "bad-id"));

        assertThat(found).containsOnlyKeys(tea, cake);
        var product = found.get(tea);
        assertThat(product.id()).isEqualTo(tea);
        assertThat(product.sku()).isEqualTo(sku.toUpperCase());
        assertThat(product.name()).isEqualTo("Tea");
        assertThat(product.price()).isEqualTo(new BigDecimal("2.50"));
        assertThat(product.archived()).isFalse();
    }

    @Test
    void archivedProductsCannotBeOrderedButCanStillBeFound() throws Exception {
        String id = createProduct("{\"name\": \"Old\", \"price\": \"1.00\"}");
        delete("/products/" + id).andExpect(status().isOk());

        assertThat(catalog.findOrderable(List.of(id))).isEmpty();
        assertThat(catalog.find(id)).hasValueSatisfying(p -> {
            assertThat(p.archived()).isTrue();
            assertThat(p.price()).isEqualTo(new BigDecimal("1.00"));
        });
    }

    @Test
    void findsNothingForUnknownOrMalformedIds() {
        assertThat(catalog.find("0123456789abcdef01234567")).isEmpty();
        assertThat(catalog.find("nope")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
        assertThat(catalog.findOrderable(List.of())).isEmpty();
    }

    @Test
    void seesPriceChangesAtOnce() throws Exception {
        String id = createProduct("{\"name\": \"Soup\", \"price\": \"3.00\"}");
        patch("/products/" + id, "{\"price\": \"3.25\"}").andExpect(status().isOk());

        assertThat(catalog.findOrderable(List.of(id)).get(id).price()).isEqualTo(new BigDecimal("3.25"));
    }
}
