package pos.api.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How topics are created: one partition count for all (co-partitioning), replication per environment, how long
 * the inventory events are kept ({@code inventory-events-retention}: unlimited by default, so the stock movements
 * can be rebuilt from Kafka), and how long dead-letter topics keep records ({@code dead-letter-retention}: at most
 * as long as the processors remember command ids, which inventory-processor checks at start-up; dead letters older
 * than it are not re-driven).
 */
@ConfigurationProperties("pos.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue("-1") Duration inventoryEventsRetention, @DefaultValue("7d") Duration deadLetterRetention) {
}
