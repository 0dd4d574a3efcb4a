package pos.localstack.faults;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.ConfigurableApplicationContext;
import pos.api.ApiServiceApplication;
import pos.inventory.InventoryProcessorApplication;
import pos.localstack.KraftBroker;
import pos.localstack.LocalStack;
import pos.orderprocessor.OrderProcessorApplication;
import pos.schemas.Topics;
import pos.testing.FreePorts;
import pos.testing.JavaProcess;

/**
 * The system spread over JVMs as in production: a KRaft broker and a MongoDB-wire server in the test JVM (they are
 * the infrastructure, not what is under test), and each service instance in a JVM of its own so it can be killed.
 * Topics are created up front with {@code partitions} partitions, so several processor instances can share them.
 */
final class FaultStack implements AutoCloseable {

    private final Path workDir;
    private final int partitions;
    private final KraftBroker broker;
    private final MongoServer mongo;
    private final String mongoUri;
    private final List<JavaProcess> services = new ArrayList<>();
    private ConfigurableApplicationContext inProcessApi;

    private FaultStack(Path workDir, int partitions, KraftBroker broker, MongoServer mongo, String mongoUri) {
        this.workDir = workDir;
        this.partitions = partitions;
        this.broker = broker;
        this.mongo = mongo;
        this.mongoUri = mongoUri;
    }

    static FaultStack start(Path workDir, int partitions) throws IOException {
        Files.createDirectories(workDir);
        var broker = KraftBroker.start(workDir.resolve("kafka"), FreePorts.next(), FreePorts.next());
        var mongo = new MongoServer(new MemoryBackend());
        var stack = new FaultStack(workDir, partitions, broker, mongo, mongo.bindAndGetConnectionString() + "/pos");
        stack.createTopics();
        return stack;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String mongoUri() {
        return mongoUri;
    }

    JavaProcess orderProcessor(String instance) {
        return processor("order-processor-" + instance, OrderProcessorApplication.class, "ORDER_PROCESSOR_PORT");
    }

    JavaProcess inventoryProcessor(String instance) {
        return processor(
                "inventory-processor-" + instance, InventoryProcessorApplication.class, "INVENTORY_PROCESSOR_PORT");
    }

    /**
     * The API keeps its data (signing key) in one folder, so a restarted instance accepts the old tokens. As on the
     * local stack, the first account registered becomes admin.
     */
    JavaProcess api(int port) {
        return service(
                "api-service",
                ApiServiceApplication.class,
                "384m",
                port,
                Map.of(
                        "API_PORT",
                        String.valueOf(port),
                        "MONGODB_URI",
                        mongoUri,
                        "POS_FIRST_ACCOUNT_ADMIN",
                        "true",
                        "POS_DATA_DIR",
                        workDir.resolve("api-data").toString()),
                List.of());
    }

    /** The API in the test JVM: starts faster than a JVM of its own where it need not be killed. */
    void startApiInProcess(int port) {
        inProcessApi = ApiServiceApplication.builder()
                .properties(Map.of(
                        "API_PORT",
                        port,
                        "MONGODB_URI",
                        mongoUri,
                        "POS_DATA_DIR",
                        workDir.resolve("api-data").toString(),
                        "POS_FIRST_ACCOUNT_ADMIN",
                        "true",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        bootstrapServers(),
                        "POS_TOPIC_PARTITIONS",
                        partitions,
                        "spring.main.banner-mode",
                        "off"))
                .run();
    }

    private JavaProcess processor(String name, Class<?> mainClass, String portVariable) {
        int port = FreePorts.next();
        return service(
                name,
                mainClass,
                "256m",
                port,
                Map.of(
                        portVariable,
                        String.valueOf(port),
                        // one state folder per instance: two instances on one machine must not share a state lock
                        "POS_STATE_DIR",
                        workDir.resolve("state").resolve(name).toString()),
                List.of(
                        "--spring.autoconfigure.exclude=" + LocalStack.PROCESSOR_EXCLUSIONS,
                        // a killed instance's partitions move to a survivor quickly
                        "--spring.kafka.streams.properties.session.timeout.ms=6000",
                        "--spring.kafka.streams.properties.heartbeat.interval.ms=1500"));
    }

    private JavaProcess service(
            String name,
            Class<?> mainClass,
            String heap,
            int port,
            Map<String, String> environment,
            List<String> arguments) {
        var env = new java.util.HashMap<>(environment);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("POS_TOPIC_PARTITIONS", String.valueOf(partitions));
        var args = new ArrayList<>(arguments);
        args.add("--spring.main.banner-mode=off");
        var service = JavaProcess.ofMainClass(name, mainClass, heap, env, args, workDir.resolve(name + ".log"))
                .readyOn(port);
        services.add(service);
        return service;
    }

    private void createTopics() {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            var main = Topics.all().stream()
                    .map(spec -> new NewTopic(spec.name(), partitions, (short) 1)
                            .configs(
                                    spec.compacted()
                                            ? Map.of(
                                                    TopicConfig.CLEANUP_POLICY_CONFIG,
                                                    TopicConfig.CLEANUP_POLICY_COMPACT)
                                            : Map.of()));
            var deadLetters = Topics.withDeadLetters().stream()
                    .map(name -> new NewTopic(Topics.deadLetter(name), partitions, (short) 1));
            admin.createTopics(Stream.concat(main, deadLetters).toList()).all().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the topics", e);
        }
    }

    /** Every service's log tail, for a failure message. */
    String logTails() {
        var tails = new StringBuilder();
        services.forEach(s -> tails.append("\n--- ").append(s).append(" ---\n").append(s.logTail()));
        return tails.toString();
    }

    @Override
    public void close() {
        if (inProcessApi != null) {
            inProcessApi.close();
        }
        services.forEach(JavaProcess::kill);
        try {
            broker.close();
        } finally {
            mongo.shutdownNow();
        }
    }
}
