package pos.inventory.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadLetterRetentionTest {

    @Test
    void startsWhenDeadLettersAreKeptNoLongerThanCommandIds() {
        assertThatCode(() -> DeadLetterRetentionConfiguration.requireDeadLettersWithinCommandMemory(
                        Duration.ofDays(7), Duration.ofDays(7)))
                .doesNotThrowAnyException();
        assertThatCode(() -> DeadLetterRetentionConfiguration.requireDeadLettersWithinCommandMemory(
                        Duration.ofDays(3), Duration.ofDays(7)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesToStartWhenADeadLetterCouldOutliveItsCommandId() {
        assertThatThrownBy(() -> DeadLetterRetentionConfiguration.requireDeadLettersWithinCommandMemory(
                        Duration.ofDays(8), Duration.ofDays(7)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pos.topics.dead-letter-retention");
    }
}
