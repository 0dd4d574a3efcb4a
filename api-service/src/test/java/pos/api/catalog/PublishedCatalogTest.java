package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pos.schemas.event.ProductChanged;

class PublishedCatalogTest {

    static final String BURGER = "65d00000000000000000000b";
    static final String COLA = "65d00000000000000000000c";
    static final String IN_DATABASE_ONLY = "65d00000000000000000000d";

    final List<Collection<String>> databaseLookups = new ArrayList<>();
    final PublishedCatalog catalog = new PublishedCatalog(new CatalogProducts() {
        @Override
        public Map<String, CatalogProduct> findOrderable(Collection<String> productIds) {
            databaseLookups.add(List.copyOf(productIds));
            return productIds.contains(IN_DATABASE_ONLY)
                    ? Map.of(
                            IN_DATABASE_ONLY,
                            new CatalogProduct(IN_DATABASE_ONLY, "SKU-D", "Fries", new BigDecimal("2.00"), false))
                    : Map.of();
        }

        @Override
        public Optional<CatalogProduct> find(String productId) {
            databaseLookups.add(List.of(productId));
            return Optional.empty();
        }
    });

    @Test
    void pricesFromThePublishedCatalogWithoutAskingTheDatabase() {
        catalog.apply(changed(BURGER, 1, "3.50", false));
        catalog.apply(changed(COLA, 1, "1.20", false));

        var found = catalog.findOrderable(List.of(BURGER, COLA.toUpperCase()));

        assertThat(found).containsOnlyKeys(BURGER, COLA);
        assertThat(found.get(COLA).price()).isEqualByComparingTo("1.20");
        assertThat(databaseLookups).isEmpty();
    }

    @Test
    void keepsTheNewestVersionWhateverOrderTheyArriveIn() {
        catalog.apply(changed(BURGER, 3, "4.00", false));
        catalog.apply(changed(BURGER, 2, "3.75", false));
        catalog.apply(changed(BURGER, 3, "9.99", false));

        assertThat(catalog.findOrderable(List.of(BURGER)).get(BURGER).price()).isEqualByComparingTo("4.00");
        catalog.apply(changed(BURGER, 4, "4.25", false));
        assertThat(catalog.findOrderable(List.of(BURGER)).get(BURGER).price()).isEqualByComparingTo("4.25");
    }

    @Test
    void anArchivedProductCannotBeOrderedButIsStillFound() {
        catalog.apply(changed(BURGER, 1, "3.50", false));
        catalog.apply(changed(BURGER, 2, "3.50", true));

        assertThat(catalog.findOrderable(List.of(BURGER))).isEmpty();
        assertThat(catalog.find(BURGER))
                .get()
                .extracting(CatalogProducts.CatalogProduct::archived)
                .isEqualTo(true);
        assertThat(databaseLookups).isEmpty();
    }

    @Test
    void asksTheDatabaseOnlyForIdsItHasNeverSeen() {
        catalog.apply(changed(BURGER, 1, "3.50", false));

        var found = catalog.findOrderable(List.of(BURGER, IN_DATABASE_ONLY, "not-an-id"));

        assertThat(found).containsOnlyKeys(BURGER, IN_DATABASE_ONLY);
        assertThat(databaseLookups).containsExactly(List.of(IN_DATABASE_ONLY));
    }

    static ProductChanged changed(String id, long version, String price, boolean archived) {
        return new ProductChanged(
                "event-" + id + "-" + version,
                id,
                version,
                "SKU-" + id.substring(20),
                "Product",
                new BigDecimal(price),
                null,
                null,
                null,
                archived,
                Instant.parse("2026-12-04T10:00:00Z"));
    }
}
