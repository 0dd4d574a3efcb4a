package pos.orderprocessor.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import pos.orderprocessor.domain.PlacementDeadline;

/**
 * {@code pos.orders.placement-deadline}: how long after order-processor sees a placement it is expired if still
 * undecided (30 s); {@code pos.orders.placement-deadline-check}: how often due placements are looked for (1 s).
 * A placement is therefore decided (created, rejected, or rejected as not decided in time) within the deadline plus
 * the check interval plus a commit interval.
 */
@ConfigurationProperties("pos.orders")
public record PlacementDeadlineProperties(
        @DefaultValue("30s") Duration placementDeadline,
        @DefaultValue("1s") Duration placementDeadlineCheck) {

    public PlacementDeadlineProperties {
        if (placementDeadlineCheck.isNegative() || placementDeadlineCheck.isZero()) {
            throw new IllegalArgumentException("pos.orders.placement-deadline-check must be positive");
        }
    }

    public PlacementDeadline deadline() {
        return new PlacementDeadline(placementDeadline);
    }
}
