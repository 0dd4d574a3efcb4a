package pos.api.money;

import java.math.BigDecimal;

/** Which side of zero a field accepts: prices and costs zero or more, quantities more than zero, deltas not zero. */
public enum Sign {
    ANY("any value"),
    POSITIVE("must be greater than 0"),
    NON_NEGATIVE("must be greater than or equal to 0"),
    NON_ZERO("must not be 0");

    private final String message;

    Sign(String message) {
        this.message = message;
    }

    public boolean accepts(BigDecimal value) {
        return switch (this) {
            case ANY -> true;
            case POSITIVE -> value.signum() > 0;
            case NON_NEGATIVE -> value.signum() >= 0;
            case NON_ZERO -> value.signum() != 0;
        };
    }

    /** What a client is told when its value is on the wrong side. */
    public String message() {
        return message;
    }
}
