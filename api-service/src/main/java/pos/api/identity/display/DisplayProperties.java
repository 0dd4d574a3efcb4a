package pos.api.identity.display;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paired kitchen displays ({@code pos.displays.*}).
 *
 * @param tokenTtl how long a display token lasts (a screen is paired again after that)
 * @param cacheTtl how long a display token's lookup is cached per instance: a revocation takes effect within it
 */
@ConfigurationProperties("pos.displays")
public record DisplayProperties(
        @DefaultValue("7d") Duration tokenTtl,
        @DefaultValue("2s") Duration cacheTtl) {}
