package pos.api.support;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of api-service tests that need the whole application: a real (embedded) Kafka broker and a MongoDB-wire
 * server shared by the JVM, the API on a random port. Topics get 1 partition to keep start-up quick. As on the
 * local stack, the first account of an empty system becomes admin. The loopback address is a trusted proxy, so a
 * test can act as another client address by sending X-Forwarded-For. The limits per client address are lifted,
 * since the test classes of this JVM share loopback; ClientLimitsIT tests the defaults.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=api-service",
            "pos.topics.partitions=1",
            "pos.security.first-account-admin=true",
            "pos.web.trusted-proxies=127.0.0.1,::1",
            "pos.security.client-limits.login-capacity=100000",
            "pos.security.client-limits.registration-capacity=100000"
        })
public abstract class AbstractApiIT {

    private static final String DATABASE =
            "pos_it_" + UUID.randomUUID().toString().replace("-", "");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri(DATABASE));
    }
}
