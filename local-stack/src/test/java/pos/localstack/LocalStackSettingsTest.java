package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local stack's defaults, and the environment variables that change them. */
class LocalStackSettingsTest {

    @Test
    void withNothingSetTheStackUsesTheUsualPortsAndOnePartitionPerTopic() {
        var settings = LocalStackSettings.fromEnvironment(Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
        assertThat(settings.apiPort()).isEqualTo(8080);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.mongoPort()).isEqualTo(27017);
        assertThat(settings.partitions()).isEqualTo(1);
    }

    @Test
    void theEnvironmentSetsThePartitionsAndPorts() {
        var settings = LocalStackSettings.fromEnvironment(
                Map.of("POS_TOPIC_PARTITIONS", "6", "API_PORT", " 18080 ", "POS_DATA_DIR", "/tmp/pos"));

        assertThat(settings.partitions()).isEqualTo(6);
        assertThat(settings.apiPort()).isEqualTo(18080);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/pos"));
    }

    @Test
    void aBlankValueKeepsTheDefault() {
        assertThat(LocalStackSettings.fromEnvironment(Map.of("POS_TOPIC_PARTITIONS", " "))
                        .partitions())
                .isEqualTo(1);
    }

    @Test
    void aValueThatIsNoNumberIsRefusedByName() {
        assertThatThrownBy(() -> LocalStackSettings.fromEnvironment(Map.of("POS_TOPIC_PARTITIONS", "six")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POS_TOPIC_PARTITIONS");
    }
}
