package pos.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

    @Test
    void addsUserAndSystemTicksCountingFieldsAfterTheCommandName() {
        // a command name with spaces and a parenthesis must not shift the fields
        var stat = "4242 (java (pos) x) S 1 4242 4242 0 -1 4194560 81220 0 12 0 1500 250 0 0 20 0 57 0 1234 "
                + "5000000000 120000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcFiles.cpuTicks(stat)).isEqualTo(1750);
    }

    @Test
    void readsTheResidentSetSizeInKib() {
        var status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  912345 kB\nRssAnon:\t  800000 kB\n";

        assertThat(ProcFiles.rssKib(status)).hasValue(912345);
        assertThat(ProcFiles.rssKib("Name:\tkthreadd\n")).isEmpty();
    }

    @Test
    void refusesTextThatIsNoStatLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProcFiles.cpuTicks("no parentheses here"));
    }

    @Test
    void readsThisJvmsOwnFiles() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcFiles.cpuNanos(pid)).isPresent();
        assertThat(ProcFiles.rssKib(pid).orElseThrow()).isPositive();
        assertThat(ProcFiles.cpuNanos(Long.MAX_VALUE)).isEmpty();
    }
}
