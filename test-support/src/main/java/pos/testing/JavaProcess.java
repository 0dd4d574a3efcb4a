package pos.testing;

import static org.awaitility.Awaitility.await;

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

/**
 * A service in a JVM of its own, so it can crash like a real server: {@link #kill()} is a SIGKILL (no shutdown
 * hook, no Streams close, an open Kafka transaction left behind). It can be started again after a kill or a stop;
 * every start appends to the same log file.
 */
public final class JavaProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private int readinessPort = -1;
    private Process process;
    private int starts;

    private JavaProcess(String name, List<String> javaArguments, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArguments);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** A main class of the test classpath (a Spring Boot application, say), with its program arguments. */
    public static JavaProcess ofMainClass(
            String name,
            Class<?> mainClass,
            String heap,
            Map<String, String> environment,
            List<String> arguments,
            Path log) {
        // Surefire/Failsafe may hand the fork a manifest-only jar; the real classpath is then in this property.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var javaArguments = new ArrayList<>(List.of(
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath, mainClass.getName()));
        javaArguments.addAll(arguments);
        return new JavaProcess(name, javaArguments, environment, log);
    }

    /** An executable jar, e.g. a repackaged Spring Boot application. */
    public static JavaProcess ofJar(String name, Path jar, String heap, Map<String, String> environment, Path log) {
        return new JavaProcess(
                name, List.of("-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-jar", jar.toString()), environment, log);
    }

    /** The port whose {@code /actuator/health/readiness} {@link #awaitReady} polls. */
    public JavaProcess readyOn(int port) {
        this.readinessPort = port;
        return this;
    }

    public String name() {
        return name;
    }

    /** Starts the process unless it runs already. */
    public synchronized JavaProcess start() {
        if (isAlive()) {
            return this;
        }
        try {
            Files.writeString(
                    log,
                    "%n=== start %d of %s at %s ===%n".formatted(++starts, name, Instant.now()),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** SIGKILL, as a crash or an OOM killer would; waits up to 30 s for the exit. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    /** SIGTERM (graceful shutdown), SIGKILL if that takes longer than 30 s. */
    public synchronized void stop() {
        if (isAlive()) {
            process.destroy();
            if (!waitForExit()) {
                kill();
            }
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits until Spring Boot's readiness probe answers 200 ({@link #readyOn}); fails at once if the process exits. */
    public void awaitReady(Duration timeout) {
        if (readinessPort < 0) {
            throw new IllegalStateException(name + ": no readiness port");
        }
        var probe = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + readinessPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        await(name + " ready")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!isAlive()) {
                        throw new IllegalStateException(name + " exited while starting:\n" + logTail());
                    }
                    return HTTP.send(probe, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                });
    }

    /** The last 60 lines of the log. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    private boolean waitForExit() {
        try {
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + (process == null ? "" : " pid " + process.pid()) + " (" + log + ")";
    }
}
