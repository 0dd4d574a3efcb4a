package pos.api.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention     how long a key is remembered (72 h by default)
 * @param lease         how long a first request owns its key before a retry may take over (a crashed instance
 *                      never finishes; its retry must not wait forever)
 * @param inFlightWait  how long a racing duplicate waits for the first request before answering 409
 * @param cleanupPeriod how often expired keys are deleted (TTL indexes do the same on real MongoDB)
 */
@ConfigurationProperties("pos.idempotency")
public record IdempotencyProperties(
        @DefaultValue("72h") Duration retention,
        @DefaultValue("15s") Duration lease,
        @DefaultValue("10s") Duration inFlightWait,
        @DefaultValue("10m") Duration cleanupPeriod) {}
