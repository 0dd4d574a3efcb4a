package pos.inventory.it;

import java.nio.file.Path;
import java.util.List;

/** Command-line arguments that point the processor at a test broker and a temporary state folder. */
final class ProcessorArgs {

    static final int PARTITIONS = 2;

    private ProcessorArgs() {}

    static String[] of(String bootstrapServers, Path stateDir) {
        return List.of(
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--spring.kafka.streams.state-dir=" + stateDir,
                        "--server.port=0",
                        "--pos.topics.partitions=" + PARTITIONS,
                        // a killed instance must leave the group quickly so its successor gets the partitions
                        "--spring.kafka.streams.properties.session.timeout.ms=6000",
                        "--spring.kafka.streams.properties.heartbeat.interval.ms=1000",
                        "--spring.main.banner-mode=off")
                .toArray(String[]::new);
    }
}
