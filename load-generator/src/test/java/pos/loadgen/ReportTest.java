package pos.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final long MS = 1_000_000L;

    @Test
    void percentilesComeFromTheSuccessesOnlyAndFailuresAreCountedByKind() {
        var stats = new OperationStats("order.place");
        for (int i = 1; i <= 100; i++) {
            stats.success(i % 10 == 0 ? "400 rejected" : "200 created", i * MS);
        }
        stats.failure("HTTP 202 (no decision in time)");
        stats.failure("HttpTimeoutException");
        stats.failure("HttpTimeoutException");

        var report = stats.report();

        assertThat(report.latency().count()).isEqualTo(100);
        assertThat(report.latency().p50Ms()).isCloseTo(50, org.assertj.core.data.Offset.offset(0.1));
        assertThat(report.latency().p99Ms()).isCloseTo(99, org.assertj.core.data.Offset.offset(0.1));
        assertThat(report.latency().maxMs()).isCloseTo(100, org.assertj.core.data.Offset.offset(0.1));
        assertThat(report.successes()).containsExactly(Map.entry("200 created", 90L), Map.entry("400 rejected", 10L));
        assertThat(report.failures())
                .containsExactly(
                        Map.entry("HTTP 202 (no decision in time)", 1L), Map.entry("HttpTimeoutException", 2L));
        assertThat(report.total()).isEqualTo(103);
    }

    @Test
    void aRunIsSustainedOnlyAtTheRateWithLowP99AndAlmostNoFailures() {
        assertThat(run("orders", 1000, 30_000, 20 * MS, 0, 1.0).sustained()).isTrue();
        assertThat(run("orders", 1000, 30_000, 300 * MS, 0, 1.0).sustained())
                .as("p99 too high")
                .isFalse();
        assertThat(run("orders", 1000, 27_000, 20 * MS, 0, 1.0).sustained())
                .as("rate too low")
                .isFalse();
        assertThat(run("orders", 1000, 30_000, 20 * MS, 100, 1.0).sustained())
                .as("failures")
                .isFalse();
    }

    @Test
    void arrivalsThatNeverGotAnAnswerCountAsFailures() {
        var stats = new OperationStats("health");
        stats.success("200", MS);
        var driverRun = new OpenLoopDriver.Run(3, 0, 1_000 * MS, 1_000 * MS, 0, 2, usage(null));

        var result = RunResult.of(Scenario.BASELINE, 3, driverRun, List.of(stats));

        assertThat(result.unanswered()).isEqualTo(2);
        assertThat(result.failures()).isEqualTo(2);
        assertThat(new Report(conditions(), Map.of(), List.of(result))
                        .operations()
                        .render())
                .contains("unanswered at drain timeout: 2");
    }

    @Test
    void statesEachScenarioAsMultiplesOfTheBaselineAtTheSameRate() {
        var orders = run("orders", 500, 15_000, 40 * MS, 0, 1.2);
        var baseline = run("baseline", 500, 15_000, 4 * MS, 0, 0.3);
        var otherRate = run("baseline", 100, 3_000, 1 * MS, 0, 0.1);

        var ratios = new Report(conditions(), Map.of(), List.of(orders, baseline, otherRate))
                .ratios()
                .render();

        // latency 40 ms vs 4 ms; CPU 1.2 vs 0.3 cores over the same 30 s and the same count
        assertThat(ratios).contains("| 500      | orders   | 10.0           | 10.0           | 2.40");
        assertThat(ratios).contains("| 0.60                    | 4.0            |");
        assertThat(ratios.lines()).hasSize(3);
    }

    @Test
    void rendersAlignedTablesThatAreAlsoMarkdown() {
        var table = new TextTable("scenario", "p99 ms")
                .row("orders", "12.5")
                .row("baseline", "1.25")
                .render();

        assertThat(table).isEqualTo("""
                | scenario | p99 ms |
                | -------- | ------ |
                | orders   | 12.5   |
                | baseline | 1.25   |
                """);
    }

    @Test
    void theMarkdownBlockCarriesTheConditionsAndTheCommandOptions() {
        var markdown = new Report(conditions(), Map.of("rates", "500"), List.of(run("orders", 500, 15_000, MS, 0, 1.0)))
                .markdown();

        assertThat(markdown)
                .contains("2 x AMD EPYC")
                .contains("other builds running")
                .contains("`--rates 500`")
                .contains("| orders   | 500");
    }

    private static RunResult run(
            String scenario, double rate, int successes, long latencyNanos, int failures, double sutCores) {
        var parsed = Scenario.parse(scenario);
        long window = 30_000 * MS;
        // answers are stamped with the real clock: the window is the 30 s that just ended
        long start = System.nanoTime() - window;
        var stats = new OperationStats(parsed.primaryOperation());
        for (int i = 0; i < successes; i++) {
            stats.success("200", latencyNanos);
        }
        for (int i = 0; i < failures; i++) {
            stats.failure("HTTP 503");
        }
        var driverRun = new OpenLoopDriver.Run(
                (long) (rate * 30), start, start + window, start + window, 0, 0, usage(sutCores));
        return RunResult.of(parsed, rate, driverRun, List.of(stats));
    }

    private static ResourceMonitor.ResourceUsage usage(Double sutCores) {
        return new ResourceMonitor.ResourceUsage(30, 2, 0.5, 0.9, sutCores, 900.0, 0.2);
    }

    private static Conditions conditions() {
        return new Conditions(
                Instant.parse("2026-12-02T04:00:00Z"),
                2,
                "AMD EPYC",
                24105,
                "1.5 1.2 0.9",
                "OpenJDK 17",
                "other builds running");
    }
}
