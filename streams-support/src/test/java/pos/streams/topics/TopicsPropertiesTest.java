package pos.streams.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TopicsPropertiesTest {

    @Test
    void defaultsToSixPartitionsOneReplicaUnlimitedHistoryAndAWeekOfDeadLetters() {
        var properties = bind(Map.of());

        assertThat(properties).isEqualTo(new TopicsProperties(6, (short) 1, Duration.ofMillis(-1), Duration.ofDays(7)));
    }

    @Test
    void bindsTheProcessorsSettings() {
        var properties = bind(Map.of(
                "pos.topics.partitions",
                "12",
                "pos.topics.replication-factor",
                "3",
                "pos.topics.inventory-events-retention",
                "30d",
                "pos.topics.dead-letter-retention",
                "3d"));

        assertThat(properties).isEqualTo(new TopicsProperties(12, (short) 3, Duration.ofDays(30), Duration.ofDays(3)));
    }

    @Test
    void refusesTopicsWithoutPartitionsOrReplicas() {
        assertThatThrownBy(() -> new TopicsProperties(0, (short) 1, Duration.ZERO, Duration.ofDays(7)))
                .hasMessageContaining("pos.topics.partitions");
        assertThatThrownBy(() -> new TopicsProperties(6, (short) 0, Duration.ZERO, Duration.ofDays(7)))
                .hasMessageContaining("pos.topics.replication-factor");
    }

    @Test
    void refusesDeadLetterTopicsThatKeepNothing() {
        assertThatThrownBy(() -> new TopicsProperties(6, (short) 1, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("pos.topics.dead-letter-retention");
        assertThatThrownBy(() -> new TopicsProperties(6, (short) 1, Duration.ZERO, Duration.ofMillis(-1)))
                .hasMessageContaining("pos.topics.dead-letter-retention");
    }

    private static TopicsProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("pos.topics", TopicsProperties.class);
    }
}
