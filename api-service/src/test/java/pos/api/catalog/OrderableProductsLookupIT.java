package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.data.mongodb.core.MongoTemplate;
import pos.api.support.MongoBackend;
import pos.api.support.OnEachMongoBackend;
import pos.api.support.ScanCountingMongo;

/**
 * Pricing an order looks its products up by id, on mongo-java-server and real MongoDB alike; on mongo-java-server
 * an index lookup too (counted), however big the catalog.
 */
@OnEachMongoBackend
class OrderableProductsLookupIT {

    static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @Parameter
    MongoBackend backend;

    static ProductDocument product(int i, boolean archived) {
        return new ProductDocument(
                String.format("65d0000000000000000%05d", i),
                "SKU-" + i,
                "Product " + i,
                "product " + i,
                new BigDecimal("1.50"),
                null,
                "pcs",
                null,
                T0,
                T0,
                archived ? T0 : null,
                1,
                true,
                T0);
    }

    /** 300 products, the 8th archived. */
    static MongoCatalogProducts catalogIn(MongoTemplate template) {
        var products = new MongoProducts(template);
        products.createIndexes();
        for (int i = 0; i < 300; i++) {
            products.insert(product(i, i == 7));
        }
        return new MongoCatalogProducts(products);
    }

    static Map<String, CatalogProducts.CatalogProduct> lookUpSomeOf(MongoCatalogProducts catalog) {
        return catalog.findOrderable(List.of(
                product(5, false).id(),
                product(7, true).id(),
                product(9, false).id().toUpperCase(),
                "65d0000000000000000fffff"));
    }

    @Test
    void findsOrderableProductsOnly() {
        var found = lookUpSomeOf(catalogIn(backend.freshDatabase("catalog_lookup")));

        assertThat(found)
                .containsOnlyKeys(product(5, false).id(), product(9, false).id());
        assertThat(found.get(product(5, false).id()).price()).isEqualByComparingTo("1.50");
    }

    @Test
    void findsOrderableProductsWithoutScanningTheCatalog() {
        backend.assumeEmbedded("scan counts of its query planner");
        try (var mongo = new ScanCountingMongo()) {
            var catalog = catalogIn(mongo.template("catalog_lookup"));
            mongo.forgetScans();

            var found = lookUpSomeOf(catalog);

            assertThat(mongo.scansOf(MongoProducts.COLLECTION)).isEmpty();
            assertThat(found)
                    .containsOnlyKeys(product(5, false).id(), product(9, false).id());
        }
    }
}
