package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import pos.api.support.TestInfrastructure;
import pos.schemas.Topics;
import pos.schemas.serde.JsonSerdes;

/**
 * The in-memory catalog follows the compacted topic on a real broker: it is not ready until it has read what the
 * topic held at start, then a change published by anyone (another API instance) prices orders here within the
 * staleness window the README states (well under a second; the wait below only bounds a slow machine), and an
 * unreadable record is skipped without stopping the feed.
 */
class CatalogFeedIT {

    @Test
    void readsTheTopicBeforeItIsReadyThenFollowsItPastAPoisonRecord() throws Exception {
        ensureTopic();
        var existing = "65d0000000000000000a" + Long.toHexString(System.nanoTime() & 0xffff | 0x1000);
        publish(
                existing,
                JsonSerdes.catalogEvent()
                        .serializer()
                        .serialize(Topics.CATALOG_PRODUCTS, PublishedCatalogTest.changed(existing, 1, "3.50", false)));
        var catalog = new PublishedCatalog(new EmptyDatabase());
        var feed = new CatalogFeed(catalog, Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()));
        feed.start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> feed.health().getStatus().equals(Status.UP));
            assertThat(catalog.findOrderable(List.of(existing))).containsKey(existing);

            var later = "65d0000000000000000b" + Long.toHexString(System.nanoTime() & 0xffff | 0x1000);
            publish("poison", "{not json".getBytes());
            publish(
                    later,
                    JsonSerdes.catalogEvent()
                            .serializer()
                            .serialize(Topics.CATALOG_PRODUCTS, PublishedCatalogTest.changed(later, 7, "9.25", false)));

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(catalog.findOrderable(List.of(later))
                                    .get(later)
                                    .price())
                            .isEqualByComparingTo("9.25"));
        } finally {
            feed.stop();
        }
    }

    private static void ensureTopic() throws Exception {
        try (var admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CATALOG_PRODUCTS, 1, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void publish(String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CATALOG_PRODUCTS, key, value))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    private static final class EmptyDatabase implements CatalogProducts {

        @Override
        public Map<String, CatalogProduct> findOrderable(java.util.Collection<String> productIds) {
            return Map.of();
        }

        @Override
        public Optional<CatalogProduct> find(String productId) {
            return Optional.empty();
        }
    }
}
