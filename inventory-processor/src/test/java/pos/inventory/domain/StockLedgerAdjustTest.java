package pos.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.inventory.domain.LedgerHarness.APPLE;
import static pos.inventory.domain.LedgerHarness.STORE;
import static pos.inventory.domain.LedgerHarness.line;

import org.junit.jupiter.api.Test;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.reply.Outcome;
import pos.schemas.reply.StockCommandReply;

class StockLedgerAdjustTest {

    private final LedgerHarness store = new LedgerHarness();

    @Test
    void appliesAnAdjustmentAndRepliesWithTheStockAfter() {
        LedgerChange change = store.adjust("cmd-1", APPLE, "10");

        StockCommandReply reply = change.reply().orElseThrow();
        assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(reply.commandId()).isEqualTo("cmd-1");
        assertThat(reply.storeId()).isEqualTo(STORE);
        assertThat(reply.productId()).isEqualTo(APPLE);
        assertThat(reply.detail()).isNull();
        assertThat(reply.stock().onHand()).isEqualByComparingTo("10");
        assertThat(reply.stock().available()).isEqualByComparingTo("10");
        assertThat(reply.stock().version()).isEqualTo(1);
        assertThat(reply.occurredAt()).isEqualTo(store.now());
    }

    @Test
    void describesTheAdjustmentInOneStockChangedEvent() {
        store.adjust(APPLE, "10");

        LedgerChange change = store.adjust("cmd-2", APPLE, "-2.5");

        assertThat(change.events()).singleElement().isInstanceOfSatisfying(StockChanged.class, event -> {
            assertThat(event.eventId()).isEqualTo("cmd-2/" + APPLE + "/adjusted");
            assertThat(event.change()).isEqualTo(StockChange.ADJUSTED);
            assertThat(event.onHandDelta()).isEqualByComparingTo("-2.5");
            assertThat(event.reservedDelta()).isZero();
            assertThat(event.stock().onHand()).isEqualByComparingTo("7.5");
            assertThat(event.stock().version()).isEqualTo(2);
            assertThat(event.reason()).isEqualTo("delivery");
            assertThat(event.orderId()).isNull();
            assertThat(event.commandId()).isEqualTo("cmd-2");
            assertThat(event.storeId()).isEqualTo(STORE);
        });
    }

    @Test
    void refusesAnAdjustmentThatWouldLeaveLessThanNothingAvailable() {
        store.adjust(APPLE, "10");
        store.reserve("order-1", line(APPLE, "4"));

        LedgerChange change = store.adjust("cmd-3", APPLE, "-6.01");

        StockCommandReply reply = change.reply().orElseThrow();
        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.detail()).isEqualTo("Insufficient stock");
        assertThat(reply.stock()).isEqualTo(store.stock(APPLE).toLevel());
        assertThat(reply.stock().version()).isEqualTo(2);
        assertThat(change.events()).isEmpty();
        assertThat(change.stocks()).isEmpty();
    }

    @Test
    void refusesANegativeAdjustmentOfANeverStockedProductWithAZeroLevel() {
        LedgerChange change = store.adjust("cmd-4", APPLE, "-1");

        StockCommandReply reply = change.reply().orElseThrow();
        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.stock().version()).isZero();
        assertThat(reply.stock().onHand()).isZero();
        assertThat(reply.stock().available()).isZero();
        assertThat(store.stocks).isEmpty();
    }

    @Test
    void repeatedCommandIdChangesNothingAndGetsTheFirstReply() {
        StockCommandReply first = store.adjust("cmd-5", APPLE, "10").reply().orElseThrow();

        LedgerChange retry = store.adjust("cmd-5", APPLE, "10");

        assertThat(retry.reply()).contains(first);
        assertThat(retry.events()).isEmpty();
        assertThat(retry.stocks()).isEmpty();
        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("10");
    }

    @Test
    void repeatedRefusedCommandStaysRefusedEvenWhenItWouldNowApply() {
        StockCommandReply refused = store.adjust("cmd-6", APPLE, "-1").reply().orElseThrow();
        store.adjust(APPLE, "5");

        LedgerChange retry = store.adjust("cmd-6", APPLE, "-1");

        assertThat(retry.reply()).contains(refused);
        assertThat(retry.reply().orElseThrow().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("5");
    }

    @Test
    void everyAppliedChangeCountsOneVersion() {
        store.adjust(APPLE, "1");
        store.adjust(APPLE, "1");
        store.adjust(APPLE, "-5");
        store.adjust(APPLE, "0.25");

        assertThat(store.stock(APPLE).version()).isEqualTo(3);
        assertThat(store.stock(APPLE).onHand()).isEqualTo(LedgerHarness.qty("2.25"));
    }
}
