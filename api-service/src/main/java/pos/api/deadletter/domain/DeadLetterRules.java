package pos.api.deadletter.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an operator may do with a dead letter. Only an open one is re-driven or discarded, once: a second re-drive
 * of the same record is refused here, and a copy that reaches a processor anyway is deduplicated there by its
 * command id. A dead letter older than the dead-letter retention is not re-driven: the processors remember command
 * ids at least that long and no longer, so past it a re-driven command could be applied a second time.
 */
public final class DeadLetterRules {

    public static final int MAX_REASON_LENGTH = 500;
    private static final Pattern ID = Pattern.compile("[a-z0-9._-]{1,200}-\\d{1,5}-\\d{1,19}");

    private DeadLetterRules() {}

    /** The dead letter's id: where it is on its dead-letter topic, which is unique and stable. */
    public static String id(String deadLetterTopic, int partition, long offset) {
        return deadLetterTopic + "-" + partition + "-" + offset;
    }

    public static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Why this dead letter cannot be re-driven now, or empty when it can. */
    public static Optional<String> redriveRefusal(
            DeadLetterStatus status, Instant deadLetteredAt, Instant now, Duration retention) {
        if (status != DeadLetterStatus.OPEN) {
            return Optional.of("Dead letter already " + status.wireName());
        }
        if (deadLetteredAt != null && deadLetteredAt.plus(retention).isBefore(now)) {
            return Optional.of("Dead letter is older than the dead-letter retention (" + retention
                    + "); the processors may no longer recognise its command as done, so it is not re-driven");
        }
        return Optional.empty();
    }

    /** Why this dead letter cannot be discarded, or empty when it can. */
    public static Optional<String> discardRefusal(DeadLetterStatus status) {
        return status == DeadLetterStatus.OPEN
                ? Optional.empty()
                : Optional.of("Dead letter already " + status.wireName());
    }
}
