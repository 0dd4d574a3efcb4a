package pos.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import pos.api.ApiServiceApplication;
import pos.inventory.InventoryProcessorApplication;
import pos.orderprocessor.OrderProcessorApplication;

/**
 * The whole system in one JVM for development and end-to-end tests: a KRaft broker, a MongoDB-wire server on H2,
 * inventory-processor, order-processor and api-service, each service in its own Spring context configured exactly
 * as it would be on its own (only addresses differ). All data lives under one directory, so stopping and starting
 * again keeps every order and stock level.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /** Processors are pure Kafka Streams apps: they get no database client and no web security. */
    static final int API_HTTP_THREADS = 64;

    static final int PROCESSOR_HTTP_THREADS = 4;

    public static final String PROCESSOR_EXCLUSIONS = String.join(
            ",",
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration");

    private static final Duration STREAMS_START_TIMEOUT = Duration.ofSeconds(120);

    private final LocalStackSettings settings;
    private final Infrastructure infrastructure;
    private ConfigurableApplicationContext inventoryProcessor;
    private ConfigurableApplicationContext orderProcessor;
    private ConfigurableApplicationContext api;

    /** Where Kafka and MongoDB are: embedded here, or containers / real servers elsewhere. */
    public interface Infrastructure extends AutoCloseable {

        String kafkaBootstrapServers();

        String mongoUri();

        @Override
        void close();
    }

    private LocalStack(LocalStackSettings settings, Infrastructure infrastructure) {
        this.settings = settings;
        this.infrastructure = infrastructure;
    }

    /** The default: an embedded KRaft broker and mongo-java-server on H2, both under the data directory. */
    public static LocalStack start(LocalStackSettings settings) throws IOException {
        return start(settings, EmbeddedInfrastructure.start(settings));
    }

    /** The three services against the given Kafka and MongoDB; the stack closes them when it closes. */
    public static LocalStack start(LocalStackSettings settings, Infrastructure infrastructure) {
        var stack = new LocalStack(settings, infrastructure);
        try {
            stack.startProcessorContexts();
            // the stack's own shutdown hook closes the API, then the processors, then Kafka and Mongo, in that order
            stack.api = ApiServiceApplication.builder()
                    .registerShutdownHook(false)
                    .properties(stack.apiProperties())
                    .run();
            // the API's start overlaps the processors' rebalance and state restore, which grows with stored orders
            stack.awaitProcessorsRunning();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** Starts both processors and returns once their Streams clients process records (state restored). */
    public void startProcessors() {
        startProcessorContexts();
        awaitProcessorsRunning();
    }

    private void startProcessorContexts() {
        inventoryProcessor = processor(
                InventoryProcessorApplication.builder(), "INVENTORY_PROCESSOR_PORT", settings.inventoryProcessorPort());
        orderProcessor =
                processor(OrderProcessorApplication.builder(), "ORDER_PROCESSOR_PORT", settings.orderProcessorPort());
    }

    private void awaitProcessorsRunning() {
        awaitRunning(inventoryProcessor);
        awaitRunning(orderProcessor);
    }

    private static void awaitRunning(ConfigurableApplicationContext processor) {
        var streams = processor.getBean(StreamsBuilderFactoryBean.class);
        long deadline = System.nanoTime() + STREAMS_START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            var client = streams.getKafkaStreams();
            if (client != null && client.state() == KafkaStreams.State.RUNNING) {
                return;
            }
            if (client != null && client.state().hasCompletedShutdown()) {
                throw new IllegalStateException(processor.getId() + " stopped while starting: " + client.state());
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new IllegalStateException(processor.getId() + " did not start within " + STREAMS_START_TIMEOUT);
    }

    /** Stops both processors cleanly (Streams commit and close); their state stays on disk and in changelogs. */
    public void stopProcessors() {
        closeQuietly(orderProcessor);
        closeQuietly(inventoryProcessor);
        orderProcessor = null;
        inventoryProcessor = null;
    }

    public String apiUrl() {
        return "http://localhost:" + settings.apiPort();
    }

    /** Where order-processor serves its health and metrics (it has no other HTTP interface). */
    public String orderProcessorUrl() {
        return "http://localhost:" + settings.orderProcessorPort();
    }

    /** Where inventory-processor serves its health and metrics. */
    public String inventoryProcessorUrl() {
        return "http://localhost:" + settings.inventoryProcessorPort();
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    public String mongoUri() {
        return infrastructure.mongoUri();
    }

    private ConfigurableApplicationContext processor(SpringApplicationBuilder builder, String portVariable, int port) {
        var props = commonProperties();
        props.put(portVariable, port);
        // health and metrics only, for this machine: like the broker and MongoDB, never on the network
        props.put("server.address", "127.0.0.1");
        // a probe or a scrape now and then: Tomcat's default of 10 to 200 threads would be 20 idle stacks each
        props.put("server.tomcat.threads.max", PROCESSOR_HTTP_THREADS);
        props.put("server.tomcat.threads.min-spare", 1);
        props.put("spring.autoconfigure.exclude", PROCESSOR_EXCLUSIONS);
        return builder.registerShutdownHook(false).properties(props).run();
    }

    private Map<String, Object> apiProperties() {
        var props = commonProperties();
        props.put("API_PORT", settings.apiPort());
        props.put("MONGODB_URI", infrastructure.mongoUri());
        // on a laptop the first account registered becomes admin; deployments configure a bootstrap admin instead
        props.put("POS_FIRST_ACCOUNT_ADMIN", "true");
        // per-command MongoDB timers cost about 2 % of the stack's CPU under load; POS_MONGO_COMMAND_METRICS=true
        // in the environment turns them on
        props.put("POS_MONGO_COMMAND_METRICS", "false");
        // A request thread holds a placement only until its command is published (the wait for the decision is
        // asynchronous), so a few dozen keep up with the load this machine can carry; Tomcat's default of 200
        // grew to about 180 under load, 15 MB of stacks that count against the stack's 1 GiB of RSS.
        // SERVER_TOMCAT_THREADS_MAX in the environment overrides it.
        props.put("server.tomcat.threads.max", API_HTTP_THREADS);
        return props;
    }

    private Map<String, Object> commonProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        props.put("POS_DATA_DIR", settings.dataDir().toAbsolutePath().toString());
        props.put(
                "POS_STATE_DIR",
                settings.dataDir().toAbsolutePath().resolve("state").toString());
        props.put("POS_TOPIC_PARTITIONS", settings.partitions());
        props.put("spring.main.banner-mode", "off");
        // one logging system for three services: a name in each line would be whichever service started last
        props.put("logging.include-application-name", "false");
        props.putAll(loggingProperties(System.getenv()));
        return props;
    }

    /**
     * The services' own switch to JSON lines ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}, or {@code logstash},
     * {@code gelf}) works here too: the stack's logback.xml writes text, so the services then load
     * logback-json.xml, which writes the structured format Boot names in that variable.
     */
    static Map<String, Object> loggingProperties(Map<String, String> env) {
        var format = env.get("LOGGING_STRUCTURED_FORMAT_CONSOLE");
        if (format == null || format.isBlank() || env.containsKey("LOGGING_CONFIG")) {
            return Map.of();
        }
        return Map.of("logging.config", "classpath:logback-json.xml", "logging.structured.format.console", format);
    }

    /** The benchmark's bare Spring MVC endpoint ({@link BareHttpBaseline}), only when a port is given. */
    private static ConfigurableApplicationContext bareBaseline(String port) {
        if (port == null || port.isBlank()) {
            return null;
        }
        var context = BareHttpBaseline.start(Integer.parseInt(port.trim()));
        log.info("Bare Spring MVC baseline on http://127.0.0.1:{}/bare", port.trim());
        return context;
    }

    @Override
    public void close() {
        closeQuietly(api);
        stopProcessors();
        infrastructure.close();
    }

    private static void closeQuietly(ConfigurableApplicationContext context) {
        if (context != null && context.isActive()) {
            try {
                context.close();
            } catch (RuntimeException e) {
                log.warn("Closing {} failed", context.getId(), e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        var settings = LocalStackSettings.fromEnvironment(System.getenv());
        long started = System.nanoTime();
        var stack = start(settings);
        var bare = bareBaseline(System.getenv("POS_BARE_BASELINE_PORT"));
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("Stopping the POS local stack...");
                            closeQuietly(bare);
                            stack.close();
                            stopped.countDown();
                        },
                        "local-stack-shutdown"));
        System.out.printf(
                "%n  POS local stack ready in %.1f s%n  API:   %s  (try %s/health)%n"
                        + "  Kafka: %s   MongoDB: %s%n  Data:  %s  (Ctrl-C stops; data is kept)%n"
                        + "  Health and metrics: <service>/actuator/health/{liveness,readiness}, "
                        + "<service>/actuator/prometheus%n    api-service %s, order-processor %s, "
                        + "inventory-processor %s%n%n",
                (System.nanoTime() - started) / 1e9,
                stack.apiUrl(),
                stack.apiUrl(),
                stack.kafkaBootstrapServers(),
                stack.mongoUri(),
                settings.dataDir().toAbsolutePath(),
                stack.apiUrl(),
                stack.orderProcessorUrl(),
                stack.inventoryProcessorUrl());
        stopped.await();
    }
}
