package pos.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) in this JVM, with its log directory on disk so
 * topics, offsets and transactions survive a restart. Formatted once, on first start. Public for the fault tests,
 * which run the broker in the test JVM and the services in JVMs of their own.
 */
public final class KraftBroker implements AutoCloseable {

    private static final long LOG_CLEANER_DEDUPE_BUFFER_BYTES = 16L * 1024 * 1024;

    private final KafkaRaftServer server;
    private final int port;

    private KraftBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static KraftBroker start(Path logDir, int port, int controllerPort) throws IOException {
        Files.createDirectories(logDir);
        var props = properties(logDir, port, controllerPort);
        formatOnce(logDir, props);
        var server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new KraftBroker(server, port);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    static Properties properties(Path logDir, int port, int controllerPort) {
        var props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // one broker: every internal topic with replication 1, or exactly-once cannot start
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        // one node: there is no other broker to hand partition leadership to, and waiting for the controller to
        // approve a controlled shutdown kept Ctrl-C hanging for minutes while the raft thread spun
        props.put("controlled.shutdown.enable", "false");
        // the log cleaner allocates its whole key map on the heap when it starts (128 MB by default, a quarter of a
        // 512 MB heap before any order is stored); 16 MB maps about 630,000 keys per cleaning pass (24 bytes a key,
        // filled to 90 %), and a pass that fills it cleans the rest on the next one
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(LOG_CLEANER_DEDUPE_BUFFER_BYTES));
        return props;
    }

    private static void formatOnce(Path logDir, Properties props) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        var config = logDir.resolve("format.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "written by local-stack to format the log directory");
        }
        var output = new ByteArrayOutputStream();
        int status = StorageTool$.MODULE$.execute(
                new String[] {
                    "format",
                    "--ignore-formatted",
                    "--cluster-id",
                    Uuid.randomUuid().toString(),
                    "--config",
                    config.toString()
                },
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Formatting " + logDir + " failed: " + output);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
