package pos.inventory.domain;

import java.util.Optional;

/** The current stock of a product in the store being changed. */
@FunctionalInterface
public interface StockLookup {

    Optional<ProductStock> find(String productId);
}
