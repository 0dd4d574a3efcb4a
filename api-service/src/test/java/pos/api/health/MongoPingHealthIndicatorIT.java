package pos.api.health;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import pos.api.support.TestInfrastructure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ping-based check works against mongo-java-server, where Boot's hello-based one fails. */
class MongoPingHealthIndicatorIT {

    @Test
    void upWhileTheServerAnswersPing() {
        var uri = TestInfrastructure.mongoUri("health_up");
        try (var client = MongoClients.create(uri)) {
            var indicator = new MongoPingHealthIndicator(new MongoTemplate(client, "health_up"), Duration.ofSeconds(2));

            var health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", "health_up");
        }
    }

    @Test
    void downOnceTheServerIsGone() {
        var server = new MongoServer(new MemoryBackend());
        var uri = server.bindAndGetConnectionString();
        var settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS))
                .build();
        try (var client = MongoClients.create(settings)) {
            var indicator = new MongoPingHealthIndicator(new MongoTemplate(client, "health_down"),
                    Duration.ofSeconds(1));
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

            server.shutdownNow();

            var health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
        }
    }
}
