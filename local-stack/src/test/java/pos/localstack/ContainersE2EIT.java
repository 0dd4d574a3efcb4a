package pos.localstack;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same order journey against real Apache Kafka and MongoDB containers, as production runs. Skipped, not
 * failed, where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersE2EIT extends OrderJourney {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Override
    LocalStack startStack(LocalStackSettings settings) {
        return LocalStack.start(settings, new LocalStack.Infrastructure() {
            @Override
            public String kafkaBootstrapServers() {
                return KAFKA.getBootstrapServers();
            }

            @Override
            public String mongoUri() {
                return MONGO.getReplicaSetUrl("pos");
            }

            @Override
            public void close() {
                // the containers outlive a restart of the services; Testcontainers stops them after the class
            }
        });
    }
}
