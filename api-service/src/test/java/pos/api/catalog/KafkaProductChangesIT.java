package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import pos.api.support.TestInfrastructure;
import pos.schemas.event.CatalogEvent;
import pos.schemas.serde.JsonSerdes;

/** A change that cannot reach the broker is kept for the re-publisher, and the caller is not failed. */
class KafkaProductChangesIT {

    private MongoClient client;
    private MongoProducts products;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri("catalog_publishing"));
        products = new MongoProducts(new MongoTemplate(client, "catalog_publishing"));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void leavesTheChangeUnpublishedWhenTheBrokerIsUnreachable() {
        String id = insertUnpublished();

        try (var changes = changesVia("localhost:1")) {
            assertThat(changes.publish(id)).isFalse();
        }

        assertThat(products.find(id))
                .hasValueSatisfying(p -> assertThat(p.published()).isFalse());
        assertThat(products.findUnpublished(Instant.now(), 1_000)).contains(id);
    }

    @Test
    void marksTheVersionPublishedOnceTheBrokerAcknowledges() {
        String id = insertUnpublished();

        try (var changes = changesVia(TestInfrastructure.kafkaBootstrapServers())) {
            assertThat(changes.publish(id)).isTrue();
            assertThat(changes.publish(id)).as("nothing left to publish").isTrue();
        }

        assertThat(products.find(id))
                .hasValueSatisfying(p -> assertThat(p.published()).isTrue());
        assertThat(products.findUnpublished(Instant.now(), 1_000)).doesNotContain(id);
    }

    @Test
    void aNewerChangeStaysUnpublishedWhenAnOlderVersionIsAcknowledged() {
        String id = insertUnpublished();

        products.markPublished(id, 1);
        products.change(id, org.springframework.data.mongodb.core.query.Update.update("name", "Newer"), Instant.now());
        products.markPublished(id, 1);

        assertThat(products.find(id)).hasValueSatisfying(p -> {
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.published()).isFalse();
        });
    }

    private String insertUnpublished() {
        String id = new ObjectId().toHexString();
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        products.insert(new ProductDocument(
                id,
                "PUB-" + id.toUpperCase(),
                "Pub",
                "pub",
                new BigDecimal("1.00"),
                null,
                null,
                null,
                now,
                null,
                null,
                1,
                false,
                now));
        return id;
    }

    private KafkaProductChanges changesVia(String bootstrapServers) {
        var producers = new DefaultKafkaProducerFactory<String, CatalogEvent>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        1_000),
                new StringSerializer(),
                JsonSerdes.catalogEvent().serializer());
        return new KafkaProductChanges(
                products, producers, Duration.ofSeconds(5), new PublishedCatalog(new MongoCatalogProducts(products)));
    }
}
