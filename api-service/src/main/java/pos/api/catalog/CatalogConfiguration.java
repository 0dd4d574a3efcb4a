package pos.api.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerProducerListener;
import pos.api.catalog.domain.SkuGenerator;
import pos.schemas.event.CatalogEvent;
import pos.schemas.serde.JsonSerdes;

/**
 * Wires the catalog. Indexes are created here, before the web server accepts requests: uniqueness of category
 * names and SKUs rests on them. The Kafka producer for catalog events is private to the catalog (neither a
 * ProducerFactory nor a KafkaTemplate bean), so Boot's auto-configured ones stay in place for other features.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    MongoCategories mongoCategories(MongoTemplate mongo) {
        var categories = new MongoCategories(mongo);
        categories.createIndexes();
        return categories;
    }

    @Bean
    MongoProducts mongoProducts(MongoTemplate mongo) {
        var products = new MongoProducts(mongo);
        products.createIndexes();
        return products;
    }

    @Bean
    Categories categories(MongoCategories categories, MongoProducts products, ObjectProvider<Clock> clock) {
        return new Categories(categories, products, clockOf(clock));
    }

    @Bean
    Products products(
            MongoProducts products,
            MongoCategories categories,
            KafkaProductChanges changes,
            ObjectProvider<Clock> clock) {
        var skus = new SkuAssignment(new SkuGenerator(clockOf(clock), new SecureRandom()));
        return new Products(products, categories, skus, changes, clockOf(clock));
    }

    /** Closed with the context: KafkaProductChanges owns the producer (see the class comment). */
    @Bean
    KafkaProductChanges productChanges(
            MongoProducts products,
            KafkaProperties kafka,
            CatalogProperties properties,
            PublishedCatalog published,
            ObjectProvider<MeterRegistry> meters) {
        var config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.publishTimeout().toMillis());
        var producers = new DefaultKafkaProducerFactory<String, CatalogEvent>(
                config, new StringSerializer(), JsonSerdes.catalogEvent().serializer());
        meters.ifAvailable(registry -> producers.addListener(new MicrometerProducerListener<>(registry)));
        return new KafkaProductChanges(products, producers, properties.publishTimeout(), published);
    }

    @Bean
    ProductRepublisher productRepublisher(
            MongoProducts products,
            KafkaProductChanges changes,
            CatalogProperties properties,
            ObjectProvider<Clock> clock) {
        return new ProductRepublisher(products, changes, properties, clockOf(clock));
    }

    /** Orders are priced from the catalog as published on Kafka, in memory (see {@link PublishedCatalog}). */
    @Bean
    PublishedCatalog catalogProducts(MongoProducts products) {
        return new PublishedCatalog(new MongoCatalogProducts(products));
    }

    /** Also the {@code catalog} health contributor: not ready until the catalog topic has been read. */
    @Bean
    CatalogFeed catalogHealthIndicator(PublishedCatalog catalog, KafkaProperties kafka) {
        return new CatalogFeed(catalog, kafka.buildConsumerProperties());
    }

    /** A shared Clock bean when the application defines exactly one, UTC system time otherwise. */
    private static Clock clockOf(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }
}
