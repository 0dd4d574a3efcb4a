package pos.streams.topics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pos.topics.*}: how the topics a processor declares are created. One partition count for all of them keeps
 * merged inputs (order commands and reservation results) co-partitioned. {@code inventory-events-retention} is how
 * long the inventory events are kept (zero or negative: unlimited); dead-letter topics keep records for
 * {@code dead-letter-retention}. Checked when bound, so a processor refuses to start rather than create topics the
 * broker rejects or that keep nothing.
 */
@ConfigurationProperties("pos.topics")
public record TopicsProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("-1") Duration inventoryEventsRetention,
        @DefaultValue("7d") Duration deadLetterRetention) {

    public TopicsProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("pos.topics.partitions must be at least 1: " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "pos.topics.replication-factor must be at least 1: " + replicationFactor);
        }
        if (inventoryEventsRetention == null) {
            throw new IllegalArgumentException("pos.topics.inventory-events-retention must be set (-1: unlimited)");
        }
        if (deadLetterRetention == null || deadLetterRetention.isNegative() || deadLetterRetention.isZero()) {
            throw new IllegalArgumentException(
                    "pos.topics.dead-letter-retention must be positive: " + deadLetterRetention);
        }
    }
}
