package pos.inventory.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code pos.topics.*}: how the topics this service declares are created; {@code inventory-events-retention}
 * (unlimited by default) is how long the inventory events are kept.
 */
@ConfigurationProperties("pos.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue("-1") Duration inventoryEventsRetention) {
}
