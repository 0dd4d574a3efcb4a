package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pos.api.support.TestInfrastructure;
import pos.schemas.Topics;
import pos.schemas.event.CatalogEvent;
import pos.schemas.event.ProductChanged;
import pos.schemas.serde.JsonSerdes;

/** Product changes reach {@code pos.catalog.products.v1}, keyed by product id, as a read_committed consumer sees them. */
class ProductEventsIT extends AbstractCatalogIT {

    private KafkaConsumer<String, CatalogEvent> consumer;
    private final List<ConsumerRecord<String, CatalogEvent>> seen = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "catalog-events-it-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                JsonSerdes.catalogEvent().deserializer());
        var partitions = consumer.partitionsFor(Topics.CATALOG_PRODUCTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void publishesEveryChangeWithTheProductIdAsKeyAndARisingVersion() throws Exception {
        String category = createCategory(unique("events"), "EV");
        String id = createProduct("""
                {"name": "Espresso", "price": "2.50", "cost": "0.80", "unit": "cup", "category_id": "%s"}""".formatted(category));
        patch("/products/" + id, "{\"price\": \"2.75\"}").andExpect(status().isOk());
        delete("/products/" + id).andExpect(status().isOk());

        var events = eventsFor(id, 3);

        assertThat(events).extracting(ProductChanged::version).containsExactly(1L, 2L, 3L);
        var created = events.get(0);
        assertThat(created.productId()).isEqualTo(id);
        assertThat(created.name()).isEqualTo("Espresso");
        assertThat(created.price()).isEqualTo(new BigDecimal("2.50"));
        assertThat(created.cost()).isEqualTo(new BigDecimal("0.80"));
        assertThat(created.unit()).isEqualTo("cup");
        assertThat(created.categoryId()).isEqualTo(category);
        assertThat(created.sku()).startsWith("EV-");
        assertThat(created.archived()).isFalse();
        assertThat(events.get(1).price()).isEqualTo(new BigDecimal("2.75"));
        assertThat(events.get(2).archived()).isTrue();
        assertThat(events)
                .extracting(ProductChanged::eventId)
                .doesNotHaveDuplicates()
                .containsExactly(
                        KafkaProductChanges.eventId(id, 1),
                        KafkaProductChanges.eventId(id, 2),
                        KafkaProductChanges.eventId(id, 3));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(id, ProductDocument.class).published());
    }

    @Test
    void republishesAChangeThatWasNeverAcknowledged() {
        // as left behind by a broker outage or a crash between the Mongo write and the Kafka ack
        String id = new ObjectId().toHexString();
        var longAgo = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        mongo.insert(new ProductDocument(
                id,
                "LOST-" + id.toUpperCase(),
                "Lost",
                "lost",
                new BigDecimal("4.00"),
                null,
                null,
                null,
                longAgo,
                longAgo,
                null,
                7,
                false,
                longAgo));

        var events = eventsFor(id, 1);

        assertThat(events.get(0).version()).isEqualTo(7);
        assertThat(events.get(0).sku()).isEqualTo("LOST-" + id.toUpperCase());
        assertThat(events.get(0).occurredAt()).isEqualTo(longAgo);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(id, ProductDocument.class).published());
    }

    private List<ProductChanged> eventsFor(String productId, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return keyed(productId).size() >= expected;
        });
        return keyed(productId);
    }

    private List<ProductChanged> keyed(String productId) {
        return seen.stream()
                .filter(r -> productId.equals(r.key()))
                .map(r -> (ProductChanged) r.value())
                .toList();
    }
}
