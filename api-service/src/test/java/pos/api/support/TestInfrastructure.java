package pos.api.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One Kafka broker and one MongoDB-wire server per test JVM, started on first use and shared by every
 * integration test, so the suite pays for them once.
 */
public final class TestInfrastructure {

    private static EmbeddedKafkaKraftBroker broker;
    private static MongoServer mongo;
    private static String mongoUri;

    private TestInfrastructure() {}

    public static synchronized String kafkaBootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperties(Map.of(
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "min.insync.replicas", "1",
                    "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        }
        return broker.getBrokersAsString();
    }

    /** A fresh database name per caller keeps test classes from seeing each other's documents. */
    public static synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongoUri = mongo.bindAndGetConnectionString();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        return mongoUri + "/" + database;
    }
}
