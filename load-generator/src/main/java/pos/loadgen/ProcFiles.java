package pos.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads a process's CPU time and resident memory from Linux's /proc, as top and ps do. */
final class ProcFiles {

    /**
     * Clock ticks per second of /proc/[pid]/stat times (USER_HZ). Java cannot call sysconf; USER_HZ is 100 in the
     * user-space ABI of every mainstream Linux architecture, whatever the kernel's internal HZ.
     */
    static final long TICKS_PER_SECOND = 100;

    private ProcFiles() {}

    /** User plus system CPU time of the process, in nanoseconds, or empty when it cannot be read (gone, no /proc). */
    static OptionalLong cpuNanos(long pid) {
        try {
            return OptionalLong.of(cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))
                    * (1_000_000_000L / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Resident set size in KiB, or empty when it cannot be read. */
    static OptionalLong rssKib(long pid) {
        try {
            return rssKib(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * utime + stime from a /proc/[pid]/stat line. The command name (field 2) is in parentheses and may itself hold
     * spaces or parentheses, so fields are counted from the last ')': state is field 3, utime 14, stime 15.
     */
    static long cpuTicks(String statLine) {
        int end = statLine.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/[pid]/stat line: " + statLine);
        }
        var fields = statLine.substring(end + 1).trim().split("\\s+");
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    /** VmRSS from the text of /proc/[pid]/status, in KiB. */
    static OptionalLong rssKib(String statusText) {
        for (var line : statusText.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                var value = line.substring("VmRSS:".length()).trim().split("\\s+")[0];
                return OptionalLong.of(Long.parseLong(value));
            }
        }
        return OptionalLong.empty();
    }
}
