package pos.loadgen;

import java.util.List;

/**
 * One scenario at one rate. {@code achievedRate} counts the primary operation's successes over the measured window,
 * stretched to the last answer when answers came after the window closed, so a system that falls behind shows a
 * lower rate rather than a backlog.
 */
record RunResult(
        String scenario,
        double targetRate,
        double measuredSeconds,
        long arrivals,
        double sentRate,
        double achievedRate,
        double maxSendDelayMs,
        long unfinished,
        String primaryOperation,
        List<OperationStats.OperationReport> operations,
        ResourceMonitor.ResourceUsage resources) {

    /** The issue-8 bar: at least 95 % of the target rate, p99 under 250 ms, fewer than 0.1 % failures. */
    static final double P99_TARGET_MS = 250;

    static RunResult of(Scenario scenario, double targetRate, OpenLoopDriver.Run run, List<OperationStats> stats) {
        var primary = stats.stream()
                .filter(s -> s.name().equals(scenario.primaryOperation()))
                .findFirst()
                .orElseThrow();
        long windowEnd = Math.max(run.measureEndNanos(), primary.lastCompletionNanos());
        double answeredSeconds = (windowEnd - run.measureStartNanos()) / 1e9;
        double measuredSeconds = (run.measureEndNanos() - run.measureStartNanos()) / 1e9;
        double sentSeconds = Math.max(measuredSeconds, (run.lastSendNanos() - run.measureStartNanos()) / 1e9);
        return new RunResult(
                scenario.label(),
                targetRate,
                measuredSeconds,
                run.measuredArrivals(),
                run.measuredArrivals() / sentSeconds,
                primary.successCount() / answeredSeconds,
                run.maxSendDelayNanos() / 1e6,
                run.unfinished(),
                primary.name(),
                stats.stream().map(OperationStats::report).toList(),
                run.resources());
    }

    OperationStats.OperationReport primary() {
        return operations.stream()
                .filter(o -> o.name().equals(primaryOperation))
                .findFirst()
                .orElseThrow();
    }

    /** Measured arrivals whose primary request had no answer at all when the drain timeout ran out. */
    long unanswered() {
        return Math.max(0, arrivals - primary().total());
    }

    /** Failures of the primary operation plus unanswered arrivals. */
    long failures() {
        return primary().failureCount() + unanswered();
    }

    double failureFraction() {
        return arrivals == 0 ? 0 : failures() / (double) arrivals;
    }

    boolean sustained() {
        return achievedRate >= 0.95 * targetRate
                && primary().latency().p99Ms() < P99_TARGET_MS
                && failureFraction() < 0.001;
    }

    /** CPU milliseconds the system under test spent per primary request, or null without a process to read. */
    Double sutCpuMsPerRequest() {
        var cores = resources.sutCpuCores();
        long answered = primary().latency().count();
        return cores == null || answered == 0 ? null : cores * resources.seconds() * 1000 / answered;
    }
}
