package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker's settings, as Kafka itself reads them. */
class KraftBrokerTest {

    @Test
    void logCleanerKeyMapIsSixteenMegabytesNotTheDefaultQuarterOfTheStacksHeap(@TempDir Path logDir) {
        var config = KafkaConfig.fromProps(KraftBroker.properties(logDir, 19092, 19093), false);

        assertThat(config.logCleanerDedupeBufferSize()).isEqualTo(16L * 1024 * 1024);
        // one cleaner thread gets the whole map; more threads would each allocate their share up front
        assertThat(config.logCleanerThreads()).isEqualTo(1);
    }

    @Test
    void singleNodeSettingsLetExactlyOnceStartAndShutdownNotWaitForAController(@TempDir Path logDir) {
        var config = KafkaConfig.fromProps(KraftBroker.properties(logDir, 19092, 19093), false);

        assertThat(config.getShort("transaction.state.log.replication.factor")).isEqualTo((short) 1);
        assertThat(config.controlledShutdownEnable()).isFalse();
        assertThat(config.autoCreateTopicsEnable()).isFalse();
    }
}
