package pos.api.catalog;

import org.junit.jupiter.api.Test;
import pos.api.support.ScanCountingMongo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pricing an order looks its products up by id: an index lookup on mongo-java-server too, however big the catalog. */
class OrderableProductsLookupIT {

    static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    static ProductDocument product(int i, boolean archived) {
        return new ProductDocument(String.format("65d0000000000000000%05d", i), "SKU-" + i, "Product " + i,
                "product " + i, new BigDecimal("1.50"), null, "pcs", null, T0, T0, archived ? T0 : null, 1, true, T0);
    }

    @Test
    void findsOrderableProductsWithoutScanningTheCatalog() {
        try (var mongo = new ScanCountingMongo()) {
            var products = new MongoProducts(mongo.template("catalog_lookup"));
            products.createIndexes();
            for (int i = 0; i < 300; i++) {
                products.insert(product(i, i == 7));
            }
            var catalog = new MongoCatalogProducts(products);
            mongo.forgetScans();

            var found = catalog.findOrderable(List.of(product(5, false).id(), product(7, true).id(),
                    product(9, false).id().toUpperCase(), "65d0000000000000000fffff"));

            assertThat(mongo.scansOf(MongoProducts.COLLECTION)).isEmpty();
            assertThat(found).containsOnlyKeys(product(5, false).id(), product(9, false).id());
            assertThat(found.get(product(5, false).id()).price()).isEqualByComparingTo("1.50");
        }
    }
}
