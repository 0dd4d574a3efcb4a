package pos.inventory.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import pos.schemas.Topics;

import java.time.Duration;
import java.util.stream.Stream;

/** Every topic of the system and the dead-letter topics; Streams does not create its source topics itself. */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics posTopics(TopicProperties topics, InventoryProcessorProperties inventory) {
        requireDeadLettersWithinCommandMemory(topics.deadLetterRetention(), inventory.processedCommands().retention());
        Stream<NewTopic> main = Topics.all().stream().map(spec -> {
            TopicBuilder builder = topic(spec.name(), topics);
            if (Topics.keepingHistory().contains(spec.name())) {
                builder.config(TopicConfig.RETENTION_MS_CONFIG,
                        Topics.historyRetentionMs(topics.inventoryEventsRetention()));
            }
            return spec.compacted() ? builder.compact().build() : builder.build();
        });
        Stream<NewTopic> deadLetters = Topics.withDeadLetters().stream()
                .map(name -> topic(Topics.deadLetter(name), topics).config(TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(topics.deadLetterRetention().toMillis())).build());
        return new KafkaAdmin.NewTopics(Stream.concat(main, deadLetters).toArray(NewTopic[]::new));
    }

    /**
     * A dead letter re-driven after the ledger forgot its command id would be applied afresh: dead-letter topics
     * must not keep records longer than the ledger keeps processed command ids.
     */
    static void requireDeadLettersWithinCommandMemory(Duration deadLetterRetention, Duration commandRetention) {
        if (deadLetterRetention.compareTo(commandRetention) > 0) {
            throw new IllegalStateException("pos.topics.dead-letter-retention (" + deadLetterRetention
                    + ") exceeds pos.inventory.processed-commands.retention (" + commandRetention + "): a re-driven "
                    + "dead letter could be applied twice; shorten the first or lengthen the second");
        }
    }

    private static TopicBuilder topic(String name, TopicProperties topics) {
        return TopicBuilder.name(name)
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor());
    }
}
