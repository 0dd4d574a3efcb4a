package pos.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import pos.api.support.MongoBackend;
import pos.api.support.OnEachMongoBackend;

/** The ping-based check works against mongo-java-server, where Boot's hello-based one fails, and real MongoDB. */
@OnEachMongoBackend
class MongoPingHealthIndicatorIT {

    @Parameter
    MongoBackend backend;

    @Test
    void upWhileTheServerAnswersPing() {
        var template = backend.freshDatabase("health_up");
        var indicator = new MongoPingHealthIndicator(template, Duration.ofSeconds(2));

        var health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("database", template.getDb().getName());
    }

    @Test
    void downOnceTheServerIsGone() {
        backend.assumeEmbedded("a server this test can stop");
        var server = new MongoServer(new MemoryBackend());
        var uri = server.bindAndGetConnectionString();
        var settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS))
                .build();
        try (var client = MongoClients.create(settings)) {
            var indicator =
                    new MongoPingHealthIndicator(new MongoTemplate(client, "health_down"), Duration.ofSeconds(1));
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

            server.shutdownNow();

            var health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
        }
    }
}
