package pos.loadgen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The results as text: a summary per run, every operation's latencies and outcomes, and ratios to the baseline. */
record Report(Conditions conditions, Map<String, String> options, List<RunResult> runs) {

    String render() {
        var text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "Benchmark %s on %d x %s, %d MiB, %s; load average at start %s%n",
                conditions.startedAt(),
                conditions.processors(),
                conditions.cpuModel(),
                conditions.memoryMib(),
                conditions.java(),
                conditions.loadAverageAtStart()));
        if (!conditions.label().isBlank()) {
            text.append("Conditions: ").append(conditions.label()).append('\n');
        }
        text.append("Options: ")
                .append(options.entrySet().stream()
                        .map(e -> "--" + e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(" ")))
                .append("\n\n");
        text.append("Runs (latency of the primary operation from its intended send time; "
                + "sustained = >= 95% of target, p99 < 250 ms, < 0.1% failures):\n\n");
        text.append(summary().render()).append('\n');
        text.append("Operations:\n\n").append(operations().render());
        var ratios = ratios();
        if (!ratios.isEmpty()) {
            text.append("\nCompared with the baseline (GET /health) at the same rate:\n\n")
                    .append(ratios.render());
        }
        return text.toString();
    }

    TextTable summary() {
        var table = new TextTable(
                "scenario",
                "target/s",
                "sent/s",
                "achieved/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "failures",
                "machine CPU",
                "SUT cores",
                "SUT RSS MiB",
                "generator cores",
                "sustained");
        for (var run : runs) {
            var latency = run.primary().latency();
            var resources = run.resources();
            table.row(
                    run.scenario(),
                    number(run.targetRate()),
                    oneDecimal(run.sentRate()),
                    oneDecimal(run.achievedRate()),
                    millis(latency.p50Ms()),
                    millis(latency.p95Ms()),
                    millis(latency.p99Ms()),
                    millis(latency.maxMs()),
                    String.format(Locale.ROOT, "%d (%.2f%%)", run.failures(), run.failureFraction() * 100),
                    Optional.ofNullable(resources.machineCpuMean())
                            .map(v -> percent(v) + " (max " + percent(resources.machineCpuMax()) + ")")
                            .orElse("n/a"),
                    Optional.ofNullable(resources.sutCpuCores())
                            .map(Report::twoDecimals)
                            .orElse("n/a"),
                    Optional.ofNullable(resources.sutRssMaxMib())
                            .map(v -> number(Math.round(v)))
                            .orElse("n/a"),
                    twoDecimals(resources.generatorCpuCores()),
                    run.sustained() ? "yes" : "no");
        }
        return table;
    }

    TextTable operations() {
        var table = new TextTable(
                "scenario",
                "target/s",
                "operation",
                "answered ok",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "outcomes",
                "failures");
        for (var run : runs) {
            for (var op : run.operations()) {
                var latency = op.latency();
                table.row(
                        run.scenario(),
                        number(run.targetRate()),
                        op.name(),
                        Long.toString(latency.count()),
                        millis(latency.p50Ms()),
                        millis(latency.p95Ms()),
                        millis(latency.p99Ms()),
                        millis(latency.maxMs()),
                        counts(op.successes()),
                        counts(withUnfinished(op, run)));
            }
        }
        return table;
    }

    private static Map<String, Long> withUnfinished(OperationStats.OperationReport op, RunResult run) {
        if (run.unanswered() == 0 || !op.name().equals(run.primaryOperation())) {
            return op.failures();
        }
        var failures = new LinkedHashMap<>(op.failures());
        failures.put("unanswered at drain timeout", run.unanswered());
        return failures;
    }

    /** Each scenario against the baseline at the same rate: latency and SUT CPU per request as multiples. */
    TextTable ratios() {
        var table = new TextTable(
                "target/s",
                "scenario",
                "p50 x baseline",
                "p99 x baseline",
                "SUT CPU ms/request",
                "baseline CPU ms/request",
                "CPU x baseline");
        for (var run : runs) {
            if (run.scenario().equals(Scenario.BASELINE.label())) {
                continue;
            }
            var baseline = runs.stream()
                    .filter(r -> r.scenario().equals(Scenario.BASELINE.label()) && r.targetRate() == run.targetRate())
                    .findFirst();
            if (baseline.isEmpty()) {
                continue;
            }
            var base = baseline.get();
            var cpu = run.sutCpuMsPerRequest();
            var baseCpu = base.sutCpuMsPerRequest();
            table.row(
                    number(run.targetRate()),
                    run.scenario(),
                    ratio(
                            run.primary().latency().p50Ms(),
                            base.primary().latency().p50Ms()),
                    ratio(
                            run.primary().latency().p99Ms(),
                            base.primary().latency().p99Ms()),
                    cpu == null ? "n/a" : twoDecimals(cpu),
                    baseCpu == null ? "n/a" : twoDecimals(baseCpu),
                    cpu == null || baseCpu == null ? "n/a" : ratio(cpu, baseCpu));
        }
        return table;
    }

    /** A markdown block for docs: the same tables under a heading with the conditions. */
    String markdown() {
        var text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "#### Run of %s%n%n", conditions.startedAt()));
        text.append(String.format(
                Locale.ROOT,
                "- Machine: %d x %s, %d MiB, %s; load average at start %s%n",
                conditions.processors(),
                conditions.cpuModel(),
                conditions.memoryMib(),
                conditions.java(),
                conditions.loadAverageAtStart()));
        if (!conditions.label().isBlank()) {
            text.append("- Conditions: ").append(conditions.label()).append('\n');
        }
        text.append("- Options: `")
                .append(options.entrySet().stream()
                        .map(e -> "--" + e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(" ")))
                .append("`\n\n");
        text.append(summary().render()).append('\n').append(operations().render());
        var ratios = ratios();
        if (!ratios.isEmpty()) {
            text.append('\n').append(ratios.render());
        }
        return text.toString();
    }

    static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "-";
        }
        var parts = new ArrayList<String>();
        counts.forEach((kind, count) -> parts.add(kind + ": " + count));
        return String.join(", ", parts);
    }

    static String millis(double value) {
        return value < 10 ? twoDecimals(value) : oneDecimal(value);
    }

    static String ratio(double value, double base) {
        return base <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", value / base);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String number(double value) {
        return BenchmarkOptions.number(value);
    }
}
