package pos.orderprocessor.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the topics this service declares are created. One partition count for all of them keeps the merged inputs
 * (order commands and reservation results) co-partitioned. {@code inventory-events-retention} (unlimited by default)
 * is how long the inventory events are kept; dead-letter topics keep records for {@code dead-letter-retention} (at
 * most as long as the store ledger remembers command ids).
 */
@ConfigurationProperties("pos.topics")
public record TopicsProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue("-1") Duration inventoryEventsRetention, @DefaultValue("7d") Duration deadLetterRetention) {

    public TopicsProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("pos.topics.partitions must be at least 1: " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "pos.topics.replication-factor must be at least 1: " + replicationFactor);
        }
    }
}
