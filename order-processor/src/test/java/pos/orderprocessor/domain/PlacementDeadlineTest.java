package pos.orderprocessor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pos.schemas.command.ExpirePlacements;

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
    void dueExpiriesAreOneCommandPerStoreInDeadlineOrder() {
        Map<String, List<String>> due = new LinkedHashMap<>();
        due.put("store-2", List.of("order-3", "order-1"));
        due.put("store-1", List.of("order-2"));

        var expiries = deadline.expiries(due, SEEN);

        assertThat(expiries)
                .containsExactly(
                        new ExpirePlacements(
                                "expire:store-2:order-3..order-1", "store-2", List.of("order-3", "order-1"), SEEN),
                        new ExpirePlacements("expire:store-1:order-2..order-2", "store-1", List.of("order-2"), SEEN));
    }

    @Test
    void theSameDuePlacementsAlwaysGiveTheSameCommandIds() {
        var first = deadline.expiries(Map.of("store-1", List.of("order-1", "order-2")), SEEN);
        var again = deadline.expiries(Map.of("store-1", List.of("order-1", "order-2")), SEEN.plusSeconds(5));

        assertThat(first)
                .extracting(ExpirePlacements::commandId)
                .containsExactlyElementsOf(
                        again.stream().map(ExpirePlacements::commandId).toList());
    }

    @Test
    void anOrderSeenTwiceIsExpiredOnce() {
        var expiries = deadline.expiries(Map.of("store-1", List.of("order-1", "order-2", "order-1")), SEEN);

        assertThat(expiries)
                .singleElement()
                .extracting(ExpirePlacements::orderIds)
                .isEqualTo(List.of("order-1", "order-2"));
    }

    @Test
    void aStoreWithMoreDueThanOneCommandHoldsGetsSeveral() {
        List<String> orderIds = IntStream.range(0, 2 * ExpirePlacements.MAX_ORDERS + 1)
                .mapToObj(i -> "order-" + i)
                .toList();

        var expiries = deadline.expiries(Map.of("store-1", orderIds), SEEN);

        assertThat(expiries)
                .extracting(e -> e.orderIds().size())
                .containsExactly(ExpirePlacements.MAX_ORDERS, ExpirePlacements.MAX_ORDERS, 1);
        assertThat(expiries.stream().flatMap(e -> e.orderIds().stream()).toList())
                .isEqualTo(orderIds);
        assertThat(expiries).extracting(ExpirePlacements::commandId).doesNotHaveDuplicates();
    }

    @Test
    void nothingDueIsNoCommand() {
        assertThat(deadline.expiries(Map.of(), SEEN)).isEmpty();
    }

    @Test
    void mustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PlacementDeadline(Duration.ZERO));
    }
}
