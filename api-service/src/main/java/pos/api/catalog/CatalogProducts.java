package pos.api.catalog;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What orders and inventory need to know about the catalog: which products exist, which may be ordered, and at
 * what price. Orders are priced from here, never from the client.
 */
public interface CatalogProducts {

    /** The products among these ids that exist and are not archived, by id. Unknown or archived ids are absent. */
    Map<String, CatalogProduct> findOrderable(Collection<String> productIds);

    /** A product by id, archived ones included (old orders and stock still refer to them). */
    Optional<CatalogProduct> find(String productId);

    record CatalogProduct(String id, String sku, String name, BigDecimal price, boolean archived) {}
}
