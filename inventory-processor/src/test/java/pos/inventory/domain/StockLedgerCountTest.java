package pos.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.inventory.domain.LedgerHarness.APPLE;
import static pos.inventory.domain.LedgerHarness.STORE;
import static pos.inventory.domain.LedgerHarness.USER;
import static pos.inventory.domain.LedgerHarness.line;
import static pos.inventory.domain.LedgerHarness.qty;

import org.junit.jupiter.api.Test;
import pos.schemas.command.AdjustStock;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.reply.Outcome;

/** Physical counts and the who/why every adjustment carries into its movement. */
class StockLedgerCountTest {

    private final LedgerHarness store = new LedgerHarness();

    @Test
    void aCountRecordsTheDifferenceFoundAsOneMovement() {
        store.adjust(APPLE, "10");

        LedgerChange change = store.count("count-1", APPLE, "7");

        assertThat(change.reply().orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(StockChanged.class, event -> {
            assertThat(event.change()).isEqualTo(StockChange.ADJUSTED);
            assertThat(event.reasonCode()).isEqualTo("count");
            assertThat(event.reason()).isEqualTo("shelf count");
            assertThat(event.requestedBy()).isEqualTo(USER);
            assertThat(event.onHandDelta()).isEqualByComparingTo("-3");
            assertThat(event.reservedDelta()).isZero();
            assertThat(event.stock().onHand()).isEqualByComparingTo("7");
            assertThat(event.stock().version()).isEqualTo(2);
        });
    }

    @Test
    void aCountIsDecidedAgainstTheStockAsItIsWhenProcessedSoAnOrderPlacedMeanwhileKeepsItsReservation() {
        store.adjust(APPLE, "10");
        // the clerk counted 10 on the shelf; an order reserved 4 of them before the count reached the ledger
        store.reserve("order-1", line(APPLE, "4"));

        LedgerChange change = store.count("count-1", APPLE, "10");

        assertThat(change.events()).singleElement().isInstanceOfSatisfying(StockChanged.class, event -> {
            assertThat(event.onHandDelta()).isZero();
            assertThat(event.stock().onHand()).isEqualByComparingTo("10");
            assertThat(event.stock().reserved()).isEqualByComparingTo("4");
            assertThat(event.stock().available()).isEqualByComparingTo("6");
        });
    }

    @Test
    void aCountThatFindsWhatWasExpectedIsStillAMovement() {
        store.adjust(APPLE, "5");

        LedgerChange change = store.count("count-1", APPLE, "5");

        assertThat(change.stocks())
                .singleElement()
                .satisfies(s -> assertThat(s.version()).isEqualTo(2));
        assertThat(change.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        StockChanged.class,
                        event -> assertThat(event.onHandDelta()).isZero());
    }

    @Test
    void aCountOfAProductNeverStockedStartsItsStock() {
        LedgerChange change = store.count("count-1", APPLE, "3");

        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("3");
        assertThat(change.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        StockChanged.class,
                        event -> assertThat(event.onHandDelta()).isEqualByComparingTo("3"));
    }

    @Test
    void refusesACountBelowWhatOrdersHoldAndChangesNothing() {
        store.adjust(APPLE, "10");
        store.reserve("order-1", line(APPLE, "4"));

        LedgerChange change = store.count("count-1", APPLE, "3.99");

        assertThat(change.reply().orElseThrow().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(change.reply().orElseThrow().detail()).isEqualTo(StockLedger.COUNT_BELOW_RESERVED);
        assertThat(change.events()).isEmpty();
        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("10");
    }

    @Test
    void aRepeatedCountChangesNothingAndGetsItsFirstAnswer() {
        store.adjust(APPLE, "10");
        LedgerChange first = store.count("count-1", APPLE, "8");
        store.adjust(APPLE, "5");

        LedgerChange again = store.count("count-1", APPLE, "8");

        assertThat(again.events()).isEmpty();
        assertThat(again.reply()).isEqualTo(first.reply());
        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("13");
    }

    @Test
    void anAdjustmentCarriesItsCodeNoteAndRequester() {
        LedgerChange change = store.apply(
                new AdjustStock("adj-1", STORE, APPLE, qty("-2"), "dropped a crate", USER, store.now(), "waste"));

        assertThat(change.events()).isEmpty();
        store.adjust(APPLE, "10");
        change = store.apply(
                new AdjustStock("adj-2", STORE, APPLE, qty("-2"), "dropped a crate", USER, store.now(), "waste"));

        assertThat(change.events()).singleElement().isInstanceOfSatisfying(StockChanged.class, event -> {
            assertThat(event.reasonCode()).isEqualTo("waste");
            assertThat(event.reason()).isEqualTo("dropped a crate");
            assertThat(event.requestedBy()).isEqualTo(USER);
        });
    }

    @Test
    void anAdjustmentWithOnlyAFreeTextReasonGetsTheCodeItNames() {
        LedgerChange change =
                store.apply(new AdjustStock("adj-1", STORE, APPLE, qty("10"), "Delivery from Acme", USER, store.now()));

        assertThat(change.events()).singleElement().isInstanceOfSatisfying(StockChanged.class, event -> {
            assertThat(event.reasonCode()).isEqualTo("delivery");
            assertThat(event.reason()).isEqualTo("Delivery from Acme");
        });
    }

    @Test
    void orderMovementsCarryNoCodeOrRequester() {
        store.adjust(APPLE, "10");

        LedgerChange change = store.reserve("order-1", line(APPLE, "2"));

        assertThat(change.events()).singleElement().isInstanceOfSatisfying(StockChanged.class, event -> {
            assertThat(event.reasonCode()).isNull();
            assertThat(event.requestedBy()).isNull();
            assertThat(event.orderId()).isEqualTo("order-1");
        });
    }
}
