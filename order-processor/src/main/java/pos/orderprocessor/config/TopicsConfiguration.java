package pos.orderprocessor.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import pos.schemas.Topics;

import java.util.stream.Stream;

/** Streams does not create its source topics, so every topic of the system and its dead-letter topic is declared. */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics posTopics(TopicsProperties properties) {
        var topics = Topics.all().stream().map(spec -> topic(spec.name(), spec.compacted(), properties));
        var deadLetters = Topics.withDeadLetters().stream().map(name -> {
            var topic = topic(Topics.deadLetter(name), false, properties);
            topic.configs(java.util.Map.of(TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(properties.deadLetterRetention().toMillis())));
            return topic;
        });
        return new KafkaAdmin.NewTopics(Stream.concat(topics, deadLetters).toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, boolean compacted, TopicsProperties properties) {
        var builder = TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor());
        if (compacted) {
            builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        if (Topics.keepingHistory().contains(name)) {
            builder.config(TopicConfig.RETENTION_MS_CONFIG,
                    Topics.historyRetentionMs(properties.inventoryEventsRetention()));
        }
        return builder.build();
    }
}
