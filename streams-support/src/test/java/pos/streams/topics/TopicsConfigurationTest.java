package pos.streams.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import pos.schemas.Topics;

class TopicsConfigurationTest {

    private static final TopicsProperties DEFAULTS =
            new TopicsProperties(6, (short) 1, Duration.ofMillis(-1), Duration.ofDays(7));

    @Test
    void declaresEveryTopicAndItsDeadLetterTopicWithOnePartitionCount() {
        var declared = declared(DEFAULTS);

        var expected = new java.util.ArrayList<String>();
        Topics.all().forEach(spec -> expected.add(spec.name()));
        Topics.withDeadLetters().forEach(name -> expected.add(Topics.deadLetter(name)));
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(declared.values()).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(6);
            assertThat(topic.replicationFactor()).isEqualTo((short) 1);
        });
    }

    @Test
    void compactsTheCompactedTopicsOnly() {
        var declared = declared(DEFAULTS);

        Topics.all()
                .forEach(spec -> assertThat(configs(declared.get(spec.name())).get(TopicConfig.CLEANUP_POLICY_CONFIG))
                        .isEqualTo(spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : null));
    }

    @Test
    void deadLetterTopicsKeepRecordsForTheDeadLetterRetention() {
        var declared = declared(new TopicsProperties(3, (short) 3, Duration.ofMillis(-1), Duration.ofDays(2)));

        Topics.withDeadLetters()
                .forEach(
                        name -> assertThat(declared.get(Topics.deadLetter(name)).configs())
                                .containsEntry(
                                        TopicConfig.RETENTION_MS_CONFIG,
                                        Long.toString(Duration.ofDays(2).toMillis())));
    }

    @Test
    void topicsKeepingHistoryGetTheInventoryEventsRetention() {
        var unlimited = declared(DEFAULTS);
        var limited = declared(new TopicsProperties(6, (short) 1, Duration.ofDays(30), Duration.ofDays(7)));

        assertThat(Topics.keepingHistory()).isNotEmpty().allSatisfy(name -> {
            assertThat(unlimited.get(name).configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
            assertThat(limited.get(name).configs())
                    .containsEntry(
                            TopicConfig.RETENTION_MS_CONFIG,
                            Long.toString(Duration.ofDays(30).toMillis()));
        });
    }

    /** A topic declared without settings has none at all, not an empty map. */
    private static Map<String, String> configs(NewTopic topic) {
        return topic.configs() == null ? Map.of() : topic.configs();
    }

    private static Map<String, NewTopic> declared(TopicsProperties properties) {
        List<NewTopic> topics = TopicsConfiguration.declarations(properties).toList();
        return topics.stream().collect(Collectors.toMap(NewTopic::name, Function.identity()));
    }
}
