package pos.streams.topics;

import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import pos.schemas.Topics;

/**
 * Every topic of the system and its dead-letter topic, declared by each processor and by api-service (which imports
 * this configuration alone; it needs no Streams): whichever starts first creates them, and both apply the retention settings declared here to existing topics (with
 * {@code spring.kafka.admin.modify-topic-configs}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicsProperties.class)
public class TopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics posTopics(TopicsProperties properties) {
        return new KafkaAdmin.NewTopics(declarations(properties).toArray(NewTopic[]::new));
    }

    static Stream<NewTopic> declarations(TopicsProperties properties) {
        Stream<NewTopic> main = Topics.all().stream().map(spec -> {
            TopicBuilder builder = topic(spec.name(), properties);
            if (Topics.keepingHistory().contains(spec.name())) {
                builder.config(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Topics.historyRetentionMs(properties.inventoryEventsRetention()));
            }
            return spec.compacted() ? builder.compact().build() : builder.build();
        });
        Stream<NewTopic> deadLetters = Topics.withDeadLetters().stream()
                .map(name -> topic(Topics.deadLetter(name), properties)
                        .config(
                                TopicConfig.RETENTION_MS_CONFIG,
                                Long.toString(properties.deadLetterRetention().toMillis()))
                        .build());
        return Stream.concat(main, deadLetters);
    }

    private static TopicBuilder topic(String name, TopicsProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor());
    }
}
