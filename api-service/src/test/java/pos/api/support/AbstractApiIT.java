package pos.api.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * Base of api-service tests that need the whole application: a real (embedded) Kafka broker and a MongoDB-wire
 * server shared by the JVM, the API on a random port. Topics get 1 partition to keep start-up quick.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=api-service", "pos.topics.partitions=1"})
public abstract class AbstractApiIT {

    private static final String DATABASE = "pos_it_" + UUID.randomUUID().toString().replace("-", "");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri(DATABASE));
    }
}
