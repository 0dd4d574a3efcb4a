package pos.api.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sendTimeout     how long to wait for the broker to acknowledge a command before answering 503; also bounds
 *                        the producer's blocking ({@code max.block.ms}) and delivery ({@code delivery.timeout.ms})
 * @param decisionTimeout how long a request waits for the processors' decision before answering 202
 * @param maxInFlight     commands this instance may have published and not yet seen answered; past it a command is
 *                        refused with 503 and Retry-After before anything is stored or published
 * @param inFlightExpiry  how long a command without a reply (lost or dead-lettered) counts in flight
 */
@ConfigurationProperties("pos.commands")
public record CommandProperties(
        @DefaultValue("3s") Duration sendTimeout,
        @DefaultValue("5s") Duration decisionTimeout,
        @DefaultValue("256") int maxInFlight,
        @DefaultValue("30s") Duration inFlightExpiry) {}
