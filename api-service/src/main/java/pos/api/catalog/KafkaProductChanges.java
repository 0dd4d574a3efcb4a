package pos.api.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;
import pos.schemas.Topics;
import pos.schemas.event.CatalogEvent;
import pos.schemas.event.ProductChanged;

/**
 * Publishes a product's current state on {@link Topics#CATALOG_PRODUCTS} (key: product id) once its Mongo write
 * has succeeded, waits for the broker's ack (acks=all) for a bounded time, then marks that version published.
 *
 * <p>Ordering: per product, publishing is serialised and always sends the state read under the lock, so the
 * versions on the (compacted) topic never go backwards within one instance. The event id is derived from product
 * id and version, so a re-sent version is recognisably the same event.
 *
 * <p>The producer (JSON serializer of {@code CatalogEvent}) is owned here rather than declared as a
 * ProducerFactory or KafkaTemplate bean, which would switch off Boot's auto-configured ones for other features.
 */
class KafkaProductChanges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaProductChanges.class);
    private static final int STRIPES = 64;

    private final MongoProducts products;
    private final DefaultKafkaProducerFactory<String, CatalogEvent> producers;
    private final KafkaTemplate<String, CatalogEvent> kafka;
    private final Duration timeout;
    private final PublishedCatalog published;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    /** @param published told of each acknowledged change at once, so this instance prices with it right away */
    KafkaProductChanges(
            MongoProducts products,
            DefaultKafkaProducerFactory<String, CatalogEvent> producers,
            Duration timeout,
            PublishedCatalog published) {
        this.products = products;
        this.published = published;
        this.producers = producers;
        this.kafka = new KafkaTemplate<>(producers);
        this.kafka.setProducerListener(new ProducerListener<>() {}); // failures are logged once, below
        this.timeout = timeout;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** True when the product's latest change is on the topic (or there is nothing to publish). */
    boolean publish(String productId) {
        var lock = locks[Math.floorMod(productId.hashCode(), STRIPES)];
        lock.lock();
        try {
            var product = products.find(productId).orElse(null);
            if (product == null || product.published()) {
                return true;
            }
            var changed = changed(product);
            kafka.send(Topics.CATALOG_PRODUCTS, productId, changed).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            published.apply(changed);
            products.markPublished(productId, product.version());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted publishing product {}; it will be re-published", productId);
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // never fails the caller: the change is saved and stays marked unpublished for the re-publisher
            log.warn("Could not publish product {} ({}); it will be re-published", productId, e.toString());
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        producers.destroy();
    }

    static ProductChanged changed(ProductDocument p) {
        return new ProductChanged(
                eventId(p.id(), p.version()),
                p.id(),
                p.version(),
                p.sku(),
                p.name(),
                p.price(),
                p.cost(),
                p.unit(),
                p.categoryId(),
                p.archived(),
                p.changedAt());
    }

    static String eventId(String productId, long version) {
        return UUID.nameUUIDFromBytes((productId + ":" + version).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
