package pos.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    @Test
    void arrivalsAreEvenlySpacedFromTheStartWhateverTheAnswersDo() {
        var schedule = new OpenLoopSchedule(1_000, 4);

        assertThat(schedule.intendedTime(0)).isEqualTo(1_000);
        assertThat(schedule.intendedTime(1)).isEqualTo(1_000 + 250_000_000L);
        assertThat(schedule.intendedTime(4)).isEqualTo(1_000 + 1_000_000_000L);
        assertThat(schedule.intendedTime(1_000_000)).isEqualTo(1_000 + 250_000_000_000_000L);
    }

    @Test
    void fractionalRatesRoundEachArrivalToTheNearestNanosecondWithoutDrifting() {
        var schedule = new OpenLoopSchedule(0, 3);

        assertThat(schedule.intendedTime(1)).isEqualTo(333_333_333L);
        assertThat(schedule.intendedTime(2)).isEqualTo(666_666_667L);
        assertThat(schedule.intendedTime(3_000)).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void countsTheArrivalsDueWithinAPeriod() {
        assertThat(new OpenLoopSchedule(0, 3).arrivalsWithin(Duration.ofSeconds(1)))
                .isEqualTo(3);
        assertThat(new OpenLoopSchedule(0, 1000).arrivalsWithin(Duration.ofSeconds(30)))
                .isEqualTo(30_000);
        assertThat(new OpenLoopSchedule(0, 2.5).arrivalsWithin(Duration.ofSeconds(1)))
                .isEqualTo(3);
        assertThat(new OpenLoopSchedule(0, 10).arrivalsWithin(Duration.ofMillis(250)))
                .isEqualTo(3);
        assertThat(new OpenLoopSchedule(0, 10).arrivalsWithin(Duration.ZERO)).isZero();
    }

    @Test
    void refusesRatesThatCannotBeScheduled() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OpenLoopSchedule(0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new OpenLoopSchedule(0, -5));
        assertThatIllegalArgumentException().isThrownBy(() -> new OpenLoopSchedule(0, Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> new OpenLoopSchedule(0, 1).intendedTime(-1));
    }
}
