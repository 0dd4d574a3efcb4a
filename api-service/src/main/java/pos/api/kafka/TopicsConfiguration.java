package pos.api.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import pos.schemas.Topics;

import java.util.ArrayList;

/** Declares every topic (and dead-letter topic) so any service can start first; existing topics are kept. */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics posTopics(TopicProperties props) {
        var topics = new ArrayList<NewTopic>();
        for (var spec : Topics.all()) {
            var builder = TopicBuilder.name(spec.name()).partitions(props.partitions())
                    .replicas(props.replicationFactor());
            if (spec.compacted()) {
                builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            if (Topics.keepingHistory().contains(spec.name())) {
                builder.config(TopicConfig.RETENTION_MS_CONFIG, Topics.historyRetentionMs(props.inventoryEventsRetention()));
            }
            topics.add(builder.build());
        }
        for (var name : Topics.withDeadLetters()) {
            topics.add(TopicBuilder.name(Topics.deadLetter(name)).partitions(props.partitions())
                    .replicas(props.replicationFactor())
                    .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(props.deadLetterRetention().toMillis()))
                    .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
