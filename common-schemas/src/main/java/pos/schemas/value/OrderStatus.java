package pos.schemas.value;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The states of an order. {@code pending} (accepted, stock not yet decided) and {@code rejected} (stock refused)
 * are set by the system; the others form the lifecycle clients drive.
 */
public enum OrderStatus {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("created")
    CREATED,
    @JsonProperty("rejected")
    REJECTED,
    @JsonProperty("confirmed")
    CONFIRMED,
    @JsonProperty("preparing")
    PREPARING,
    @JsonProperty("ready")
    READY,
    @JsonProperty("completed")
    COMPLETED,
    @JsonProperty("cancelled")
    CANCELLED;

    public String wireName() {
        // ROOT: under a Turkish default locale "PENDING" would become "pend\u0131ng" (dotless i)
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrderStatus> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
