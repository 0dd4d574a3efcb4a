package pos.api.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import pos.schemas.event.ProductChanged;
import pos.schemas.value.Ids;

/**
 * The catalog as published on {@code pos.catalog.products.v1}, kept in memory so pricing an order costs no
 * database round trip. Fed by {@link CatalogFeed} from the compacted topic, and by this instance's own publications
 * at once (so a price this instance changed prices its next order); other instances see a change when their feed
 * reads it, normally within tens of milliseconds. A product whose latest change has not reached the topic yet (the
 * broker was down when it was saved; the re-publisher sends it later) is priced as last published. An id not known
 * here at all is looked up in MongoDB, so nothing that exists is refused for want of the feed.
 */
class PublishedCatalog implements CatalogProducts {

    private final CatalogProducts database;
    private final ConcurrentHashMap<String, Known> products = new ConcurrentHashMap<>();

    PublishedCatalog(CatalogProducts database) {
        this.database = database;
    }

    /** Keeps the newest version of each product; an older or repeated one changes nothing. */
    void apply(ProductChanged changed) {
        var product = new CatalogProduct(
                changed.productId().toLowerCase(Locale.ROOT),
                changed.sku(),
                changed.name(),
                changed.price(),
                changed.archived());
        products.merge(
                product.id(),
                new Known(product, changed.version()),
                (current, next) -> next.version() > current.version() ? next : current);
    }

    int size() {
        return products.size();
    }

    @Override
    public Map<String, CatalogProduct> findOrderable(Collection<String> productIds) {
        var found = new HashMap<String, CatalogProduct>();
        var unknown = new ArrayList<String>();
        for (String raw : productIds) {
            if (!Ids.isObjectId(raw)) {
                continue;
            }
            String id = raw.toLowerCase(Locale.ROOT);
            var known = products.get(id);
            if (known == null) {
                unknown.add(id);
            } else if (!known.product().archived()) {
                found.put(id, known.product());
            }
        }
        if (!unknown.isEmpty()) {
            found.putAll(database.findOrderable(unknown));
        }
        return Map.copyOf(found);
    }

    @Override
    public Optional<CatalogProduct> find(String productId) {
        if (!Ids.isObjectId(productId)) {
            return Optional.empty();
        }
        var known = products.get(productId.toLowerCase(Locale.ROOT));
        return known != null ? Optional.of(known.product()) : database.find(productId);
    }

    private record Known(CatalogProduct product, long version) {}
}
