package pos.streams.testing;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import pos.streams.deadletter.DeadLetterHandlers;

/** Streams settings for a TopologyTestDriver that routes failures to the dead-letter handlers as production does. */
public final class TestDriverSettings {

    private TestDriverSettings() {}

    public static Properties withDeadLetterHandlers(
            String applicationId, Path stateDir, ConsumerRecordRecoverer recoverer) {
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        // the driver never connects; Streams only insists that the setting is there
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        DeadLetterHandlers.install(props, recoverer);
        return props;
    }
}
