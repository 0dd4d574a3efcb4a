package pos.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OccurredAtTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final OccurredAt rule = new OccurredAt(Duration.ofHours(72), OccurredAt.CLOCK_SKEW);

    @Test
    void noDeviceTimeIsNone() {
        assertThat(rule.check(null, NOW)).isNull();
    }

    @Test
    void acceptsAnyTimeWithinTheKeyRetentionUpToTheClockSkewAhead() {
        assertThat(rule.check("2026-12-04T11:59:00Z", NOW)).isEqualTo(Instant.parse("2026-12-04T11:59:00Z"));
        assertThat(rule.check("2026-12-01T12:00:00Z", NOW)).isEqualTo(NOW.minus(Duration.ofHours(72)));
        assertThat(rule.check("2026-12-04T12:01:00Z", NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(rule.check("2026-12-04T11:59:59.123Z", NOW)).isEqualTo(Instant.parse("2026-12-04T11:59:59.123Z"));
    }

    @Test
    void refusesATimeOlderThanTheKeyRetention() {
        assertThatThrownBy(() -> rule.check("2026-12-01T11:59:59Z", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("72 h in the past");
    }

    @Test
    void refusesATimeFurtherAheadThanTheClockSkew() {
        assertThatThrownBy(() -> rule.check("2026-12-04T12:01:01Z", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("future");
    }

    @Test
    void refusesWhatIsNotAnIso8601UtcInstant() {
        for (var bad :
                new String[] {"", "yesterday", "2026-12-04", "2026-12-04T12:00:00", "1733313600", "2026-13-04T12:00:00Z"
                }) {
            assertThatThrownBy(() -> rule.check(bad, NOW))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ISO-8601");
        }
    }
}
