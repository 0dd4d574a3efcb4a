package pos.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The machine and moment a benchmark ran on, printed with its results because they only mean something with it. */
record Conditions(
        Instant startedAt,
        int processors,
        String cpuModel,
        long memoryMib,
        String loadAverageAtStart,
        String java,
        String label) {

    static Conditions capture(String label) {
        return new Conditions(
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                readCpuModel(),
                readMemoryMib(),
                readLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                label);
    }

    private static String readCpuModel() {
        return read("/proc/cpuinfo")
                .lines()
                .filter(line -> line.startsWith("model name"))
                .findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse("unknown");
    }

    private static long readMemoryMib() {
        return read("/proc/meminfo")
                .lines()
                .filter(line -> line.startsWith("MemTotal:"))
                .findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D+", "")) / 1024)
                .orElse(-1L);
    }

    private static String readLoadAverage() {
        var fields = read("/proc/loadavg").trim().split("\\s+");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
