package pos.api.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB for the readiness probe: UP when the server answers {@code {ping: 1}} within a short timeout. Boot's own
 * Mongo indicator sends {@code hello}, which mongo-java-server (the local stack's database) does not know, so it
 * is switched off ({@code management.health.mongodb.enabled=false}) and this one, named {@code mongo}, takes its
 * place; ping works on every MongoDB server.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator implements HealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final MongoTemplate mongo;
    private final Duration timeout;

    MongoPingHealthIndicator(MongoTemplate mongo, @Value("${pos.health.mongo.timeout:2s}") Duration timeout) {
        this.mongo = mongo;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            var db = mongo.getDb();
            var answer =
                    db.withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).runCommand(PING);
            var ok = answer.get("ok") instanceof Number n && n.doubleValue() == 1.0;
            return (ok ? Health.up() : Health.down().withDetail("answer", answer.toJson()))
                    .withDetail("database", db.getName())
                    .build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .build();
        }
    }
}
