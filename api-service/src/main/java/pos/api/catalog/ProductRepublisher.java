package pos.api.catalog;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Retries product changes whose publication failed (broker down, timeout, crash between the write and the ack):
 * every {@code republish-interval} it publishes products still marked unpublished after {@code republish-after}.
 * The grace period keeps it from racing requests that are publishing right now. Its own thread, started and
 * stopped with the context, so a restarted application in the same JVM starts a fresh one.
 */
class ProductRepublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProductRepublisher.class);

    private final MongoProducts products;
    private final KafkaProductChanges changes;
    private final CatalogProperties properties;
    private final Clock clock;
    private ScheduledExecutorService executor;

    ProductRepublisher(MongoProducts products, KafkaProductChanges changes, CatalogProperties properties, Clock clock) {
        this.products = products;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    /** One round; stops at the first failure, the broker is likely still unreachable. */
    int republish() {
        var due = products.findUnpublished(
                clock.instant().minus(properties.republishAfter()), properties.republishBatch());
        int published = 0;
        for (String id : due) {
            if (!changes.publish(id)) {
                break;
            }
            published++;
        }
        return published;
    }

    private void safeRound() {
        try {
            int published = republish();
            if (published > 0) {
                log.info("Re-published {} product change(s)", published);
            }
        } catch (RuntimeException e) {
            log.warn("Re-publishing product changes failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "catalog-republisher"));
        long every = properties.republishInterval().toMillis();
        executor.scheduleWithFixedDelay(this::safeRound, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
