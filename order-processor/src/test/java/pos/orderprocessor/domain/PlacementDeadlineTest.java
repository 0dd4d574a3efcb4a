package pos.orderprocessor.domain;

import org.junit.jupiter.api.Test;
import pos.schemas.command.ExpirePlacement;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlacementDeadlineTest {

    private static final Instant SEEN = Instant.parse("2026-11-25T10:00:00Z");
    private final PlacementDeadline deadline = new PlacementDeadline(Duration.ofSeconds(30));

    @Test
    void isDueTheTimeoutAfterThePlacementWasSeen() {
        var due = deadline.dueAt(SEEN);

        assertThat(due).isEqualTo(SEEN.plusSeconds(30));
        assertThat(PlacementDeadline.isDue(due, SEEN.plusSeconds(29))).isFalse();
        assertThat(PlacementDeadline.isDue(due, SEEN.plusSeconds(30))).isTrue();
    }

    @Test
    void theExpiryOfAnOrderAlwaysHasTheSameCommandId() {
        var first = deadline.expiry("order-1", "store-1", SEEN);
        var again = deadline.expiry("order-1", "store-1", SEEN.plusSeconds(5));

        assertThat(first.commandId()).isEqualTo(again.commandId()).isEqualTo(ExpirePlacement.commandIdFor("order-1"));
        assertThat(first.storeId()).isEqualTo("store-1");
    }

    @Test
    void mustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PlacementDeadline(Duration.ZERO));
    }
}
