package pos.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pos.inventory.domain.LedgerHarness.APPLE;
import static pos.inventory.domain.LedgerHarness.STORE;
import static pos.inventory.domain.LedgerHarness.qty;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProductStockTest {

    private static final Instant T1 = Instant.parse("2026-11-25T10:00:01Z");
    private static final Instant T2 = Instant.parse("2026-11-25T10:00:02Z");

    private static ProductStock stock(String onHand, String reserved, long version) {
        return new ProductStock(STORE, APPLE, qty(onHand), qty(reserved), version, T1, T1, false);
    }

    @Test
    void neverStockedProductHasNothingAndVersionZero() {
        ProductStock none = ProductStock.none(STORE, APPLE);

        assertThat(none.toLevel()).satisfies(level -> {
            assertThat(level.onHand()).isZero();
            assertThat(level.reserved()).isZero();
            assertThat(level.available()).isZero();
            assertThat(level.version()).isZero();
            assertThat(level.createdAt()).isNull();
        });
    }

    @Test
    void firstAdjustmentCreatesTheStockAtVersionOne() {
        var applied = (AdjustOutcome.Applied) ProductStock.none(STORE, APPLE).adjust(qty("10"), T1);

        assertThat(applied.after().onHand()).isEqualByComparingTo("10");
        assertThat(applied.after().version()).isEqualTo(1);
        assertThat(applied.after().createdAt()).isEqualTo(T1);
        assertThat(applied.after().updatedAt()).isEqualTo(T1);
    }

    @Test
    void laterChangesKeepCreatedAtAndMoveUpdatedAt() {
        var applied = (AdjustOutcome.Applied) stock("10", "0", 1).adjust(qty("1"), T2);

        assertThat(applied.after().createdAt()).isEqualTo(T1);
        assertThat(applied.after().updatedAt()).isEqualTo(T2);
        assertThat(applied.after().version()).isEqualTo(2);
    }

    @Test
    void fractionalQuantitiesAddExactly() {
        var applied = (AdjustOutcome.Applied) stock("10", "0", 1).adjust(qty("2.5"), T2);

        assertThat(applied.after().onHand()).isEqualTo(new BigDecimal("12.5"));
        assertThat(applied.after().available().toPlainString()).isEqualTo("12.5");
    }

    @Test
    void negativeAdjustmentMayTakeAvailableToExactlyZero() {
        var applied = (AdjustOutcome.Applied) stock("10", "4", 3).adjust(qty("-6"), T2);

        assertThat(applied.after().onHand()).isEqualByComparingTo("4");
        assertThat(applied.after().available()).isZero();
    }

    @Test
    void negativeAdjustmentCannotEatReservedStock() {
        ProductStock current = stock("10", "8", 3);

        AdjustOutcome outcome = current.adjust(qty("-3"), T2);

        assertThat(outcome).isEqualTo(new AdjustOutcome.Refused(current, "Insufficient stock"));
    }

    @Test
    void negativeAdjustmentOfANeverStockedProductIsRefused() {
        assertThat(ProductStock.none(STORE, APPLE).adjust(qty("-0.5"), T1)).isInstanceOf(AdjustOutcome.Refused.class);
    }

    @Test
    void reservingMoreThanAvailableIsABug() {
        assertThatThrownBy(() -> stock("10", "8", 3).reserve(qty("2.01"), T2))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invariantsHoldOnConstruction() {
        assertThatThrownBy(() -> stock("-1", "0", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stock("1", "-1", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stock("1", "1.5", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stock("1", "0", -1)).isInstanceOf(IllegalStateException.class);
        assertThat(stock("1.50", "1.5", 1).available()).isZero();
    }

    @Test
    void levelShowsAvailableAsOnHandMinusReserved() {
        assertThat(stock("10", "2.5", 7).toLevel()).satisfies(level -> {
            assertThat(level.available()).isEqualByComparingTo("7.5");
            assertThat(level.version()).isEqualTo(7);
            assertThat(level.storeId()).isEqualTo(STORE);
            assertThat(level.productId()).isEqualTo(APPLE);
        });
    }
}
