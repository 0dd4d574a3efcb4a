package pos.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pos.inventory.domain.LedgerHarness.APPLE;
import static pos.inventory.domain.LedgerHarness.PEAR;
import static pos.inventory.domain.LedgerHarness.STORE;
import static pos.inventory.domain.LedgerHarness.line;
import static pos.inventory.domain.LedgerHarness.qty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.StockLevelLow;

class StockLedgerLowStockTest {

    private final LedgerHarness store = new LedgerHarness(new LowStockPolicy(qty("5"), Map.of(PEAR, qty("1.5"))));

    private static List<StockLevelLow> warnings(LedgerChange change) {
        return change.events().stream()
                .filter(StockLevelLow.class::isInstance)
                .map(StockLevelLow.class::cast)
                .toList();
    }

    @Test
    void warnsWhenAChangeTakesAvailableFromAboveTheThresholdToIt() {
        store.adjust(APPLE, "8");

        LedgerChange change = store.reserve("cmd-r", "order-1", line(APPLE, "3"));

        assertThat(warnings(change))
                .containsExactly(
                        new StockLevelLow("cmd-r/" + APPLE + "/low", STORE, APPLE, qty("5"), qty("5"), 2, store.now()));
        assertThat(store.stock(APPLE).lowStockRaised()).isTrue();
    }

    @Test
    void warnsOnceWhileStockStaysLow() {
        store.adjust(APPLE, "8");
        store.adjust(APPLE, "-4");

        assertThat(warnings(store.adjust(APPLE, "-1"))).isEmpty();
        assertThat(warnings(store.reserve("order-1", line(APPLE, "1")))).isEmpty();
        assertThat(warnings(store.adjust(APPLE, "1"))).isEmpty();
    }

    @Test
    void rearmsOnceAvailableIsAboveTheThresholdAgain() {
        store.adjust(APPLE, "8");
        store.reserve("order-1", line(APPLE, "4"));

        store.release("order-1");
        assertThat(store.stock(APPLE).lowStockRaised()).isFalse();

        assertThat(warnings(store.adjust(APPLE, "-3"))).hasSize(1);
    }

    @Test
    void doesNotWarnForAProductFirstStockedBelowTheThreshold() {
        LedgerChange change = store.adjust(APPLE, "2");

        assertThat(warnings(change)).isEmpty();
        assertThat(store.stock(APPLE).lowStockRaised()).isFalse();
    }

    @Test
    void usesTheProductsOwnThresholdWhenConfigured() {
        store.adjust(PEAR, "3");

        assertThat(warnings(store.adjust(PEAR, "-1")))
                .as("2 is below the default 5 but above 1.5")
                .isEmpty();
        assertThat(warnings(store.reserve("order-1", line(PEAR, "0.5"))))
                .singleElement()
                .satisfies(warning -> {
                    assertThat(warning.threshold()).isEqualByComparingTo("1.5");
                    assertThat(warning.available()).isEqualByComparingTo("1.5");
                });
    }

    @Test
    void warningFollowsTheStockChangedEventOfItsProduct() {
        store.adjust(APPLE, "6");
        store.adjust(PEAR, "2");

        List<InventoryEvent> events = store.reserve("cmd-r", "order-1", line(APPLE, "1"), line(PEAR, "1"))
                .events();

        assertThat(events)
                .extracting(InventoryEvent::eventId)
                .containsExactly(
                        "cmd-r/" + APPLE + "/reserved", "cmd-r/" + APPLE + "/low",
                        "cmd-r/" + PEAR + "/reserved", "cmd-r/" + PEAR + "/low");
    }

    @Test
    void refusedAdjustmentNeverWarns() {
        store.adjust(APPLE, "6");

        assertThat(store.adjust(APPLE, "-7").events()).isEmpty();
    }

    @Test
    void thresholdsMustNotBeNegative() {
        assertThatThrownBy(() -> LowStockPolicy.uniform(BigDecimal.ONE.negate()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LowStockPolicy(BigDecimal.ONE, Map.of(APPLE, qty("-0.1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new LowStockPolicy(BigDecimal.TEN, null).thresholdFor(APPLE)).isEqualByComparingTo("10");
    }
}
