package pos.api.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How topics are created: one partition count for all (co-partitioning), replication per environment. */
@ConfigurationProperties("pos.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {
}
