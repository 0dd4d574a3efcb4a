package pos.api.deadletter.domain;

import java.util.Locale;

/** Where a dead letter stands: waiting for an operator, sent back to its topic, or dropped with a reason. */
public enum DeadLetterStatus {
    OPEN,
    REDRIVEN,
    DISCARDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
