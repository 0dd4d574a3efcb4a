package pos.api.catalog;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import pos.schemas.Topics;
import pos.schemas.event.CatalogEvent;
import pos.schemas.event.ProductChanged;
import pos.schemas.serde.JsonSerdes;

/**
 * Reads the whole compacted catalog topic into {@link PublishedCatalog} at start and follows it: every instance
 * reads every partition, without a consumer group. The application is not ready until the topic has been read
 * up to where it ended at start ({@code catalog} in the readiness group), so no order is priced from a half-read
 * catalog. Any failure (broker down, a record it cannot read) is logged and the feed goes on: an unreadable
 * record is skipped, a lost connection is retried with the same consumer.
 */
class CatalogFeed implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CatalogFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final PublishedCatalog catalog;
    private final Deserializer<CatalogEvent> events = JsonSerdes.catalogEvent().deserializer();
    private final Map<String, Object> consumerConfig;
    private final AtomicReference<String> problem = new AtomicReference<>();
    private volatile boolean caughtUp;
    private volatile boolean running;
    private Thread thread;

    CatalogFeed(PublishedCatalog catalog, Map<String, Object> consumerConfig) {
        this.catalog = catalog;
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "pos-api-catalog-feed");
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "catalog-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public Health health() {
        if (caughtUp) {
            return Health.up().withDetail("products", catalog.size()).build();
        }
        var builder = Health.outOfService().withDetail("reason", "reading the catalog topic");
        var last = problem.get();
        return (last == null ? builder : builder.withDetail("error", last)).build();
    }

    private void run() {
        while (running) {
            try (var consumer =
                    new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
                follow(consumer);
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                return;
            } catch (RuntimeException e) {
                problem.set(e.toString());
                log.warn("Catalog feed failed ({}); starting again in {}", e.toString(), RETRY);
                pause();
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions =
                consumer.partitionsFor(Topics.CATALOG_PRODUCTS, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException(Topics.CATALOG_PRODUCTS + " does not exist yet");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        var endAtStart = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                apply(record);
            }
            if (!caughtUp && partitions.stream().allMatch(p -> consumer.position(p) >= endAtStart.get(p))) {
                caughtUp = true;
                problem.set(null);
                log.info("Catalog feed read {} product(s) from {}", catalog.size(), Topics.CATALOG_PRODUCTS);
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            if (events.deserialize(record.topic(), record.value()) instanceof ProductChanged changed) {
                catalog.apply(changed);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Skipping unreadable catalog record at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
