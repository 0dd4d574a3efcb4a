package pos.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a running POS API with open-loop arrivals and prints what it achieved and what it cost. Started by
 * {@code ./run-benchmark.sh}, which also starts and stops the local stack; see docs/benchmarks.md.
 */
public final class LoadGenerator {

    private final BenchmarkOptions options;
    private final PrintStream out;

    LoadGenerator(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load-generator: " + e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new LoadGenerator(options, System.out).run();
        } catch (IOException | RuntimeException e) {
            System.err.println("load-generator: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    void run() throws IOException {
        var transport = new ApacheTransport(
                Math.max(options.maxInFlight(), options.preloadConcurrency()),
                options.clientThreads(),
                options.requestTimeout());
        var api = new PosApi(options.apiUrl(), transport);
        var bare = new PosApi(options.bareUrl(), transport);
        var health = PosApi.await(api.get("/health", null));
        if (health.status() != 200) {
            throw new IllegalStateException(options.apiUrl() + "/health answered " + health.status());
        }
        var conditions = Conditions.capture(options.label());
        out.printf(
                "Loading %s (SUT pid %s)%n",
                options.apiUrl(),
                options.sutPid().isPresent() ? Long.toString(options.sutPid().getAsLong()) : "not given");
        var fixture = options.needsFixture() ? Fixture.create(api, options, out) : null;
        if (options.preload() > 0) {
            Preload.run(api, fixture, options.preload(), options.preloadConcurrency(), out);
        }

        var results = new ArrayList<RunResult>();
        try (var monitor = new ResourceMonitor(options.sutPid())) {
            int runNumber = 0;
            for (double rate : options.rates()) {
                for (var scenario : options.scenarios()) {
                    if (runNumber++ > 0) {
                        pause(options.pause());
                    }
                    var runId = "r" + runNumber;
                    var workload = workload(scenario, api, bare, fixture, runId);
                    var warmup = runNumber == 1 ? options.firstWarmup() : options.warmup();
                    out.printf(
                            Locale.ROOT,
                            "Run %d: %s at %s/s, %s warm-up + %s measured...%n",
                            runNumber,
                            scenario.label(),
                            BenchmarkOptions.number(rate),
                            DurationText.format(warmup),
                            DurationText.format(options.duration()));
                    var run = OpenLoopDriver.run(
                            rate,
                            warmup,
                            options.duration(),
                            options.maxInFlight(),
                            options.drainTimeout(),
                            monitor,
                            workload);
                    var result = RunResult.of(scenario, rate, run, workload.operations());
                    var latency = result.primary().latency();
                    out.printf(
                            Locale.ROOT,
                            "  achieved %.1f/s, p50 %s ms, p99 %s ms, max %s ms, %d failures%s%n",
                            result.achievedRate(),
                            Report.millis(latency.p50Ms()),
                            Report.millis(latency.p99Ms()),
                            Report.millis(latency.maxMs()),
                            result.failures(),
                            result.sustained() ? " (sustained)" : "");
                    results.add(result);
                }
            }
        } finally {
            transport.close();
        }

        var report = new Report(conditions, options.describe(), List.copyOf(results));
        out.println();
        out.print(report.render());
        if (options.markdownOut() != null) {
            Files.writeString(options.markdownOut(), report.markdown());
            out.println("\nMarkdown written to " + options.markdownOut());
        }
        if (options.jsonOut() != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("conditions", conditions);
            json.put("options", options.describe());
            json.put("runs", results);
            Files.writeString(
                    options.jsonOut(),
                    PosApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            out.println("JSON written to " + options.jsonOut());
        }
    }

    private Workload workload(Scenario scenario, PosApi api, PosApi bare, Fixture fixture, String runId) {
        return switch (scenario) {
            case ORDERS -> new OrdersWorkload(api, fixture, options, runId);
            case STOCK -> new StockWorkload(api, fixture, options, runId);
            case READ -> new ReadWorkload(api, fixture);
            case BASELINE -> new BaselineWorkload(api, "/health", Scenario.BASELINE.primaryOperation());
            case BARE -> new BaselineWorkload(bare, "/bare", Scenario.BARE.primaryOperation());
        };
    }

    /** Lets the previous run's stragglers and the processors' commits settle, so runs do not load each other. */
    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
