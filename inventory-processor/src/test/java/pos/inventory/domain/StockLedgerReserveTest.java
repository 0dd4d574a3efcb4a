package pos.inventory.domain;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.event.StockReleased;
import pos.schemas.event.StockReservationRejected;
import pos.schemas.event.StockReserved;
import pos.schemas.value.Shortage;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.inventory.domain.LedgerHarness.APPLE;
import static pos.inventory.domain.LedgerHarness.PEAR;
import static pos.inventory.domain.LedgerHarness.PLUM;
import static pos.inventory.domain.LedgerHarness.STORE;
import static pos.inventory.domain.LedgerHarness.line;
import static pos.inventory.domain.LedgerHarness.qty;

class StockLedgerReserveTest {

    private final LedgerHarness store = new LedgerHarness();

    @BeforeEach
    void stock() {
        store.adjust(APPLE, "10");
        store.adjust(PEAR, "3");
    }

    @Test
    void reservesAllLinesWhenStoreHasStock() {
        LedgerChange change = store.reserve("cmd-r", "order-1", line(APPLE, "2"), line(PEAR, "1.5"));

        assertThat(change.result()).contains(new StockReserved("cmd-r", "order-1", STORE,
                List.of(line(APPLE, "2"), line(PEAR, "1.5")), store.now()));
        assertThat(store.stock(APPLE).reserved()).isEqualByComparingTo("2");
        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("10");
        assertThat(store.stock(PEAR).available()).isEqualByComparingTo("1.5");
        assertThat(store.reservations.get("order-1").status()).isEqualTo(ReservationStatus.RESERVED);
    }

    @Test
    void emitsOneReservedEventPerProduct() {
        LedgerChange change = store.reserve("cmd-r", "order-1", line(APPLE, "2"), line(PEAR, "1.5"));

        assertThat(change.events()).hasSize(2).allSatisfy(event -> assertThat(event)
                .isInstanceOfSatisfying(StockChanged.class, changed -> {
                    assertThat(changed.change()).isEqualTo(StockChange.RESERVED);
                    assertThat(changed.onHandDelta()).isZero();
                    assertThat(changed.orderId()).isEqualTo("order-1");
                    assertThat(changed.commandId()).isEqualTo("cmd-r");
                    assertThat(changed.reason()).isNull();
                    assertThat(changed.stock().version()).isEqualTo(2);
                }));
        assertThat(change.events()).extracting("eventId")
                .containsExactly("cmd-r/" + APPLE + "/reserved", "cmd-r/" + PEAR + "/reserved");
        assertThat(change.events()).extracting("reservedDelta").containsExactly(qty("2"), qty("1.5"));
    }

    @Test
    void mayReserveEverythingAvailable() {
        store.reserve("order-1", line(PEAR, "3"));

        assertThat(store.stock(PEAR).available()).isZero();
        assertThat(store.stock(PEAR).reserved()).isEqualByComparingTo("3");
    }

    @Test
    void rejectsWholeOrderWhenOneLineIsShort() {
        LedgerChange change = store.reserve("cmd-r", "order-1", line(APPLE, "2"), line(PEAR, "3.5"));

        assertThat(change.result()).contains(new StockReservationRejected("cmd-r", "order-1", STORE,
                List.of(new Shortage(PEAR, qty("3.5"), qty("3"))), store.now()));
        assertThat(change.events()).isEmpty();
        assertThat(change.stocks()).isEmpty();
        assertThat(store.stock(APPLE).reserved()).isZero();
        assertThat(store.reservations.get("order-1").status()).isEqualTo(ReservationStatus.REJECTED);
    }

    @Test
    void listsEveryShortLineWithRequestedAndAvailable() {
        store.reserve("order-0", line(APPLE, "9"));

        var rejected = (StockReservationRejected) store
                .reserve("order-1", line(APPLE, "2"), line(PEAR, "1"), line(PLUM, "0.5")).result().orElseThrow();

        assertThat(rejected.shortages()).containsExactly(
                new Shortage(APPLE, qty("2"), qty("1")),
                new Shortage(PLUM, qty("0.5"), qty("0")));
    }

    @Test
    void sumsRepeatedProductLinesBeforeChecking() {
        var rejected = (StockReservationRejected) store
                .reserve("order-1", line(PEAR, "2"), line(APPLE, "1"), line(PEAR, "1.5")).result().orElseThrow();

        assertThat(rejected.shortages()).containsExactly(new Shortage(PEAR, qty("3.5"), qty("3")));
    }

    @Test
    void reservesRepeatedProductLinesAsOneChange() {
        LedgerChange change = store.reserve("order-1", line(PEAR, "2"), line(PEAR, "1"));

        assertThat(change.events()).filteredOn(StockChanged.class::isInstance)
                .singleElement().extracting("reservedDelta").isEqualTo(qty("3"));
        assertThat(store.stock(PEAR).version()).isEqualTo(2);
        assertThat(store.reservations.get("order-1").lines()).containsExactly(line(PEAR, "3"));
        assertThat(((StockReserved) change.result().orElseThrow()).lines())
                .containsExactly(line(PEAR, "2"), line(PEAR, "1"));
    }

    @Test
    void reservingTheSameOrderAgainReemitsTheResultWithoutChange() {
        StockReserved first = (StockReserved) store.reserve("cmd-1", "order-1", line(APPLE, "4")).result().orElseThrow();
        ProductStock before = store.stock(APPLE);

        LedgerChange again = store.reserve("cmd-2", "order-1", line(APPLE, "4"));

        assertThat(again.result()).contains(first);
        assertThat(again.events()).isEmpty();
        assertThat(again.stocks()).isEmpty();
        assertThat(again.reservation()).isEmpty();
        assertThat(store.stock(APPLE)).isEqualTo(before);
    }

    @Test
    void reservingARejectedOrderAgainReemitsTheRejectionEvenWithStockNow() {
        var rejection = store.reserve("order-1", line(PEAR, "5")).result().orElseThrow();
        store.adjust(PEAR, "10");

        LedgerChange again = store.reserve("order-1", line(PEAR, "5"));

        assertThat(again.result()).contains(rejection);
        assertThat(store.stock(PEAR).reserved()).isZero();
    }

    @Test
    void reservingAReleasedOrderAgainAnswersItsFinalResult() {
        store.reserve("order-1", line(APPLE, "4"));
        StockReleased released = (StockReleased) store.release("order-1").result().orElseThrow();

        LedgerChange again = store.reserve("order-1", line(APPLE, "4"));

        assertThat(again.result()).contains(released);
        assertThat(store.stock(APPLE).reserved()).isZero();
    }

    @Test
    void neverStockedProductIsShortWithNothingAvailable() {
        var rejected = (StockReservationRejected) store.reserve("order-1", line(PLUM, "1")).result().orElseThrow();

        assertThat(rejected.shortages()).containsExactly(new Shortage(PLUM, qty("1"), qty("0")));
        assertThat(store.stocks).doesNotContainKey(PLUM);
    }

    @Test
    void reservationsUseUpStockOneOrderAtATime() {
        for (int order = 0; order < 10; order++) {
            store.reserve("order-" + order, line(PEAR, "0.5"));
        }

        long reserved = store.reservations.values().stream()
                .filter(r -> r.status() == ReservationStatus.RESERVED).count();
        assertThat(reserved).isEqualTo(6);
        assertThat(store.stock(PEAR).available()).isZero();
        assertThat(store.stock(PEAR).reserved()).isEqualByComparingTo("3");
    }
}
