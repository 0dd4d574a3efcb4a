package pos.api.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sendTimeout     how long to wait for the broker to acknowledge a command before answering 503; also bounds
 *                        the producer's blocking ({@code max.block.ms}) and delivery ({@code delivery.timeout.ms})
 * @param decisionTimeout how long a request waits for the processors' decision before answering 202
 */
@ConfigurationProperties("pos.commands")
public record CommandProperties(
        @DefaultValue("3s") Duration sendTimeout,
        @DefaultValue("5s") Duration decisionTimeout) {}
