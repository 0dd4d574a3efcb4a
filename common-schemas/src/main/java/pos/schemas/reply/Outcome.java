package pos.schemas.reply;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a command ended. */
public enum Outcome {
    /** The command changed state. */
    @JsonProperty("applied")
    APPLIED,
    /** Nothing to change: a repeated command, or a status the order already has. */
    @JsonProperty("unchanged")
    UNCHANGED,
    /** A business rule refused it (insufficient stock, a transition the lifecycle does not allow). */
    @JsonProperty("refused")
    REFUSED
}
