package pos.localstack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged local stack ({@code local-stack-*-exec.jar}, what {@code ./run-local.sh} runs) in a JVM of its own,
 * with its data directory and ports fixed across restarts, so it can be killed with SIGKILL and started again on
 * the same data as a user would. Every start appends to one log file.
 */
final class PackagedLocalStack implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int apiPort = FaultStack.freePort();
    final int kafkaPort = FaultStack.freePort();
    private final Map<String, String> environment = new HashMap<>();
    private final Path jar;
    private final Path log;
    private Process process;
    private int starts;

    PackagedLocalStack(Path dataDir, Map<String, String> extraEnvironment) {
        this.jar = packagedJar();
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        environment.putAll(Map.of(
                "POS_DATA_DIR", dataDir.toString(),
                "API_PORT", String.valueOf(apiPort),
                "KAFKA_PORT", String.valueOf(kafkaPort),
                "KAFKA_CONTROLLER_PORT", String.valueOf(FaultStack.freePort()),
                "MONGO_PORT", String.valueOf(FaultStack.freePort()),
                "ORDER_PROCESSOR_PORT", String.valueOf(FaultStack.freePort()),
                "INVENTORY_PROCESSOR_PORT", String.valueOf(FaultStack.freePort()),
                "POS_TOPIC_PARTITIONS", "3"));
        // every client of the test logs in from loopback: the per-address limit is not what this test is about
        environment.put("POS_LOGIN_LIMIT_CAPACITY", "100000");
        environment.putAll(extraEnvironment);
    }

    /** The jar {@code mvn package} built in this module's target folder (Failsafe runs after package). */
    static Path packagedJar() {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("local-stack-.*-exec\\.jar")).findFirst()
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
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(javaBin, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
        try {
            Files.writeString(log, "%n=== start %d at %s ===%n".formatted(++starts, Instant.now()),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local stack", e);
        }
        var probe = HttpRequest.newBuilder(URI.create(apiUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        await("local stack ready").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the local stack exited while starting:\n" + logTail());
                    }
                    return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    /** SIGKILL: no shutdown hook, no flush, no Streams close, open Kafka transactions left behind. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
