package pos.api.deadletter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterRulesTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);

    @Test
    void namesADeadLetterByItsPlaceOnItsTopic() {
        var id = DeadLetterRules.id("pos.inventory.commands.v1.dlq", 3, 17);

        assertThat(id).isEqualTo("pos.inventory.commands.v1.dlq-3-17");
        assertThat(DeadLetterRules.isWellFormedId(id)).isTrue();
    }

    @Test
    void refusesIdsThatAreNoPlaceOnATopic() {
        assertThat(DeadLetterRules.isWellFormedId(null)).isFalse();
        assertThat(DeadLetterRules.isWellFormedId("65a000000000000000000001")).isFalse();
        assertThat(DeadLetterRules.isWellFormedId("topic-1-x")).isFalse();
        assertThat(DeadLetterRules.isWellFormedId("Topic$-1-2")).isFalse();
        assertThat(DeadLetterRules.isWellFormedId("t".repeat(201) + "-1-2")).isFalse();
    }

    @Test
    void redrivesAnOpenDeadLetterWithinTheRetention() {
        assertThat(DeadLetterRules.redriveRefusal(DeadLetterStatus.OPEN, NOW.minus(WEEK), NOW, WEEK))
                .isEmpty();
    }

    @Test
    void redrivesAHandledDeadLetterNeverAgain() {
        assertThat(DeadLetterRules.redriveRefusal(DeadLetterStatus.REDRIVEN, NOW, NOW, WEEK))
                .hasValue("Dead letter already redriven");
        assertThat(DeadLetterRules.redriveRefusal(DeadLetterStatus.DISCARDED, NOW, NOW, WEEK))
                .hasValue("Dead letter already discarded");
    }

    @Test
    void redrivesNothingOlderThanTheRetentionTheProcessorsRememberCommandsFor() {
        assertThat(DeadLetterRules.redriveRefusal(
                        DeadLetterStatus.OPEN, NOW.minus(WEEK).minusMillis(1), NOW, WEEK))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("older than the dead-letter retention"));
    }

    @Test
    void discardsOnlyAnOpenDeadLetter() {
        assertThat(DeadLetterRules.discardRefusal(DeadLetterStatus.OPEN)).isEmpty();
        assertThat(DeadLetterRules.discardRefusal(DeadLetterStatus.REDRIVEN)).isPresent();
        assertThat(DeadLetterRules.discardRefusal(DeadLetterStatus.DISCARDED)).isPresent();
    }
}
