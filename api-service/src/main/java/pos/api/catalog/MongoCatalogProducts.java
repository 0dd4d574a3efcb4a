package pos.api.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import pos.schemas.value.Ids;

/** {@link CatalogProducts} over the products collection. Map keys are lower-case ids, as stored. */
class MongoCatalogProducts implements CatalogProducts {

    private final MongoProducts products;

    MongoCatalogProducts(MongoProducts products) {
        this.products = products;
    }

    @Override
    public Map<String, CatalogProduct> findOrderable(Collection<String> productIds) {
        var ids = productIds.stream()
                .filter(Ids::isObjectId)
                .map(String::toLowerCase)
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return products.findNotArchived(ids).stream()
                .map(MongoCatalogProducts::toCatalogProduct)
                .collect(Collectors.toUnmodifiableMap(CatalogProduct::id, Function.identity()));
    }

    @Override
    public Optional<CatalogProduct> find(String productId) {
        if (!Ids.isObjectId(productId)) {
            return Optional.empty();
        }
        return products.find(productId.toLowerCase()).map(MongoCatalogProducts::toCatalogProduct);
    }

    private static CatalogProduct toCatalogProduct(ProductDocument p) {
        return new CatalogProduct(p.id(), p.sku(), p.name(), p.price(), p.archived());
    }
}
