package pos.localstack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import pos.testing.FreePorts;
import pos.testing.JavaProcess;

/**
 * The packaged local stack ({@code local-stack-*-exec.jar}, what {@code ./run-local.sh} runs) in a JVM of its own,
 * with its data directory and ports fixed across restarts, so it can be killed with SIGKILL and started again on
 * the same data as a user would. Every start appends to one log file.
 */
final class PackagedLocalStack implements AutoCloseable {

    final int apiPort = FreePorts.next();
    final int kafkaPort = FreePorts.next();
    private final JavaProcess process;

    PackagedLocalStack(Path dataDir, Map<String, String> extraEnvironment) {
        var environment = new HashMap<String, String>();
        environment.putAll(Map.of(
                "POS_DATA_DIR", dataDir.toString(),
                "API_PORT", String.valueOf(apiPort),
                "KAFKA_PORT", String.valueOf(kafkaPort),
                "KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()),
                "MONGO_PORT", String.valueOf(FreePorts.next()),
                "ORDER_PROCESSOR_PORT", String.valueOf(FreePorts.next()),
                "INVENTORY_PROCESSOR_PORT", String.valueOf(FreePorts.next()),
                "POS_TOPIC_PARTITIONS", "3"));
        // every client of the test logs in from loopback: the per-address limit is not what this test is about
        environment.put("POS_LOGIN_LIMIT_CAPACITY", "100000");
        environment.putAll(extraEnvironment);
        var log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.process = JavaProcess.ofJar("local stack", packagedJar(), "768m", environment, log)
                .readyOn(apiPort);
    }

    /** The jar {@code mvn package} built in this module's target folder (Failsafe runs after package). */
    static Path packagedJar() {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("local-stack-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no local-stack-*-exec.jar in target: run package"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    void start(Duration timeout) {
        process.start().awaitReady(timeout);
    }

    /** SIGKILL: no shutdown hook, no flush, no Streams close, open Kafka transactions left behind. */
    void kill() {
        process.kill();
    }

    String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        kill();
    }
}
