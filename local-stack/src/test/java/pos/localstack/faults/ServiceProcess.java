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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One service (a Spring Boot main class) in its own JVM on the test classpath, so it can crash like a real server:
 * {@link #kill()} is a SIGKILL (no shutdown hook, no Streams close, an open Kafka transaction left behind). Every
 * start of one instance appends to the same log file.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Class<?> mainClass;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final String heap;
    private final int port;
    private final Path log;
    private Process process;
    private int starts;

    ServiceProcess(String name, Class<?> mainClass, Map<String, String> environment, List<String> arguments,
            String heap, int port, Path log) {
        this.name = name;
        this.mainClass = mainClass;
        this.environment = Map.copyOf(environment);
        this.arguments = List.copyOf(arguments);
        this.heap = heap;
        this.port = port;
        this.log = log;
    }

    String name() {
        return name;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Failsafe may hand the fork a manifest-only jar; the real classpath is then in this property.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx" + heap, "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", classpath, mainClass.getName()));
        command.addAll(arguments);
        try {
            Files.writeString(log, "%n=== start %d of %s at %s ===%n".formatted(++starts, name, Instant.now()),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** SIGKILL, as a crash or an OOM killer would. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    /** SIGTERM (graceful shutdown), SIGKILL if that takes longer than 30 s. */
    synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits until the readiness probe answers 200 (for processors: the Streams client runs). */
    void awaitReady(Duration timeout) {
        var probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!isAlive()) {
                        throw new IllegalStateException(name + " exited while starting:\n" + logTail());
                    }
                    return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void waitForExit() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (" + log + ")";
    }
}
