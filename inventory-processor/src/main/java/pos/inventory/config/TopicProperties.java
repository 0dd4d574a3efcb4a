package pos.inventory.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code pos.topics.*}: how the topics this service declares are created; {@code inventory-events-retention}
 * (unlimited by default) is how long the inventory events are kept; {@code dead-letter-retention} is how long
 * dead-letter topics keep records, at most {@code pos.inventory.processed-commands.retention} (checked at
 * start-up), so a command re-driven from a dead-letter topic is always one the ledger can still recognise.
 */
@ConfigurationProperties("pos.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue("-1") Duration inventoryEventsRetention, @DefaultValue("7d") Duration deadLetterRetention) {
}
