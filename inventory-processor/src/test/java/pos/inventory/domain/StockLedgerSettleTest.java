package pos.inventory.domain;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pos.schemas.event.ReservationResult;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.event.StockCommitted;
import pos.schemas.event.StockReleased;
import pos.schemas.event.StockReservationRejected;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.inventory.domain.LedgerHarness.APPLE;
import static pos.inventory.domain.LedgerHarness.PEAR;
import static pos.inventory.domain.LedgerHarness.STORE;
import static pos.inventory.domain.LedgerHarness.line;
import static pos.inventory.domain.LedgerHarness.qty;

/** Release (order cancelled) and commit (order completed) of a reservation. */
class StockLedgerSettleTest {

    private final LedgerHarness store = new LedgerHarness();

    @BeforeEach
    void reserveOrderOne() {
        store.adjust(APPLE, "10");
        store.adjust(PEAR, "5");
        store.reserve("order-1", line(APPLE, "2"), line(PEAR, "1.5"), line(APPLE, "1"));
    }

    @Test
    void releaseGivesTheReservationBack() {
        LedgerChange change = store.release("cmd-rel", "order-1");

        assertThat(change.result()).contains(new StockReleased("cmd-rel", "order-1", STORE, store.now()));
        assertThat(store.stock(APPLE).reserved()).isZero();
        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("10");
        assertThat(store.stock(PEAR).available()).isEqualByComparingTo("5");
        assertThat(store.reservations.get("order-1").status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(change.events()).allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(
                StockChanged.class, changed -> {
                    assertThat(changed.change()).isEqualTo(StockChange.RELEASED);
                    assertThat(changed.onHandDelta()).isZero();
                    assertThat(changed.orderId()).isEqualTo("order-1");
                }));
        assertThat(change.events()).extracting("reservedDelta").containsExactly(qty("-3"), qty("-1.5"));
        assertThat(change.events()).extracting("eventId")
                .containsExactly("cmd-rel/" + APPLE + "/released", "cmd-rel/" + PEAR + "/released");
    }

    @Test
    void releasingAgainChangesNothingAndAnswersTheFirstRelease() {
        ReservationResult first = store.release("cmd-rel-1", "order-1").result().orElseThrow();

        LedgerChange again = store.release("cmd-rel-2", "order-1");

        assertThat(again.result()).contains(first);
        assertThat(again.events()).isEmpty();
        assertThat(store.stock(APPLE).reserved()).isZero();
    }

    @Test
    void releaseOfAnUnknownOrderChangesNothingButAnswersReleased() {
        LedgerChange change = store.release("cmd-rel", "order-x");

        assertThat(change.result()).contains(new StockReleased("cmd-rel", "order-x", STORE, store.now()));
        assertThat(change.events()).isEmpty();
        assertThat(change.reservation()).isEmpty();
        assertThat(store.stock(APPLE).reserved()).isEqualByComparingTo("3");
    }

    @Test
    void releaseOfARejectedOrderChangesNothingButAnswersReleased() {
        var rejection = store.reserve("order-2", line(PEAR, "99")).result().orElseThrow();

        LedgerChange change = store.release("cmd-rel", "order-2");

        assertThat(change.result()).contains(new StockReleased("cmd-rel", "order-2", STORE, store.now()));
        assertThat(change.events()).isEmpty();
        assertThat(store.stock(PEAR).reserved()).isEqualByComparingTo("1.5");
        assertThat(store.reserve("order-2", line(PEAR, "99")).result()).contains(rejection);
    }

    @Test
    void releaseAfterCommitChangesNothingAndAnswersTheCommit() {
        ReservationResult committed = store.commit("order-1").result().orElseThrow();

        LedgerChange change = store.release("order-1");

        assertThat(change.result()).contains(committed);
        assertThat(change.events()).isEmpty();
        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("7");
    }

    @Test
    void commitTurnsTheReservationIntoSoldStock() {
        LedgerChange change = store.commit("cmd-com", "order-1");

        assertThat(change.result()).contains(new StockCommitted("cmd-com", "order-1", STORE, store.now()));
        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("7");
        assertThat(store.stock(APPLE).reserved()).isZero();
        assertThat(store.stock(PEAR).onHand()).isEqualTo(qty("3.5"));
        assertThat(store.stock(PEAR).available()).isEqualTo(qty("3.5"));
        assertThat(store.reservations.get("order-1").status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(change.events()).extracting("change").containsOnly(StockChange.COMMITTED);
        assertThat(change.events()).extracting("onHandDelta").containsExactly(qty("-3"), qty("-1.5"));
        assertThat(change.events()).extracting("reservedDelta").containsExactly(qty("-3"), qty("-1.5"));
        assertThat(change.events()).extracting("eventId")
                .containsExactly("cmd-com/" + APPLE + "/committed", "cmd-com/" + PEAR + "/committed");
    }

    @Test
    void committingAgainChangesNothingAndAnswersTheFirstCommit() {
        ReservationResult first = store.commit("cmd-com-1", "order-1").result().orElseThrow();

        LedgerChange again = store.commit("cmd-com-2", "order-1");

        assertThat(again.result()).contains(first);
        assertThat(again.events()).isEmpty();
        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("7");
    }

    @Test
    void commitOfAnUnknownOrderChangesNothing() {
        LedgerChange change = store.commit("cmd-com", "order-x");

        assertThat(change.result()).contains(new StockCommitted("cmd-com", "order-x", STORE, store.now()));
        assertThat(change.events()).isEmpty();
        assertThat(change.stocks()).isEmpty();
        assertThat(change.reservation()).isEmpty();
    }

    @Test
    void commitAfterReleaseChangesNothingAndAnswersTheRelease() {
        ReservationResult released = store.release("order-1").result().orElseThrow();

        LedgerChange change = store.commit("order-1");

        assertThat(change.result()).contains(released);
        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("10");
    }

    @Test
    void commitOfARejectedOrderAnswersTheRejection() {
        ReservationResult rejection = store.reserve("order-2", line(APPLE, "8")).result().orElseThrow();

        LedgerChange change = store.commit("order-2");

        assertThat(change.result()).containsInstanceOf(StockReservationRejected.class).contains(rejection);
        assertThat(change.events()).isEmpty();
    }

    @Test
    void releasedStockCanBeReservedByTheNextOrder() {
        store.reserve("order-2", line(APPLE, "7"));
        assertThat(store.reserve("order-3", line(APPLE, "3")).result().orElseThrow())
                .isInstanceOf(StockReservationRejected.class);

        store.release("order-1");

        assertThat(store.reserve("order-4", line(APPLE, "3")).result().orElseThrow())
                .isNotInstanceOf(StockReservationRejected.class);
        assertThat(store.stock(APPLE).available()).isZero();
    }
}
