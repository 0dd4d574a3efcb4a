package pos.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.inventory.domain.LedgerHarness.APPLE;
import static pos.inventory.domain.LedgerHarness.PEAR;
import static pos.inventory.domain.LedgerHarness.STORE;
import static pos.inventory.domain.LedgerHarness.USER;
import static pos.inventory.domain.LedgerHarness.line;
import static pos.inventory.domain.LedgerHarness.orderLines;
import static pos.inventory.domain.LedgerHarness.qty;
import static pos.schemas.value.OrderStatus.CANCELLED;
import static pos.schemas.value.OrderStatus.COMPLETED;
import static pos.schemas.value.OrderStatus.CONFIRMED;
import static pos.schemas.value.OrderStatus.CREATED;
import static pos.schemas.value.OrderStatus.PENDING;
import static pos.schemas.value.OrderStatus.PREPARING;
import static pos.schemas.value.OrderStatus.READY;
import static pos.schemas.value.OrderStatus.REJECTED;

import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pos.schemas.command.ExpirePlacement;
import pos.schemas.command.PlaceOrder;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;

/** One decision per order command: the order and its stock move together. */
class StoreLedgerTest {

    private final LedgerHarness store = new LedgerHarness();

    @BeforeEach
    void stock() {
        store.adjust(APPLE, "10");
        store.adjust(PEAR, "5");
    }

    private LedgerDecision place(String commandId, String orderId, StockLine... lines) {
        return store.decide(
                new PlaceOrder(commandId, orderId, STORE, USER, USER, orderLines(lines), "key", store.now()));
    }

    private LedgerDecision change(String commandId, String orderId, OrderStatus status) {
        return store.decide(store.status(commandId, orderId, status));
    }

    @Test
    void aCoveredPlacementIsCreatedAndReservesEveryLineInOneDecision() {
        var decision = place("cmd-1", "order-1", line(APPLE, "2"), line(PEAR, "1.5"), line(APPLE, "1"));

        assertThat(decision.orderEvents())
                .extracting(
                        OrderStatusChanged::sequence, OrderStatusChanged::previousStatus, OrderStatusChanged::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, null, PENDING),
                        org.assertj.core.groups.Tuple.tuple(2L, PENDING, CREATED));
        assertThat(store.stock(APPLE).reserved()).isEqualByComparingTo("3");
        assertThat(store.stock(PEAR).reserved()).isEqualByComparingTo("1.5");
        assertThat(decision.stockEvents())
                .hasSize(2)
                .allSatisfy(event -> assertThat(event)
                        .isInstanceOfSatisfying(
                                StockChanged.class, c -> assertThat(c.change()).isEqualTo(StockChange.RESERVED)));
        var reply = decision.reply().orElseThrow();
        assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(reply.order().status()).isEqualTo(CREATED);
        assertThat(reply.stock())
                .extracting(level -> level.productId() + "=" + level.reserved().toPlainString() + "@" + level.version())
                .containsExactly(APPLE + "=3@2", PEAR + "=1.5@2");
        assertThat(store.orders.get("order-1").placeCommandId()).isEqualTo("cmd-1");
    }

    @Test
    void aShortPlacementIsRejectedAndReservesNothing() {
        var decision = place("cmd-1", "order-1", line(APPLE, "2"), line(PEAR, "4"), line(PEAR, "2"));

        assertThat(decision.orderEvents())
                .extracting(OrderStatusChanged::status)
                .containsExactly(PENDING, REJECTED);
        assertThat(decision.stocks()).isEmpty();
        assertThat(decision.stockEvents()).isEmpty();
        assertThat(store.stock(APPLE).reserved()).isZero();
        var reply = decision.reply().orElseThrow();
        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.detail()).isEqualTo("Insufficient stock for product " + PEAR);
        assertThat(reply.order().shortages()).containsExactly(new Shortage(PEAR, qty("6"), qty("5")));
    }

    @Test
    void aRepeatedPlacementGetsTheDecisionAgainAndChangesNothing() {
        place("cmd-1", "order-1", line(APPLE, "2"));

        var again = place("cmd-1", "order-1", line(APPLE, "2"));

        assertThat(again.state()).isEmpty();
        assertThat(again.orderEvents()).isEmpty();
        assertThat(again.stocks()).isEmpty();
        assertThat(again.reply().orElseThrow().order().status()).isEqualTo(CREATED);
        assertThat(again.reply().orElseThrow().stock())
                .singleElement()
                .satisfies(level -> assertThat(level.reserved()).isEqualByComparingTo("2"));
        assertThat(store.stock(APPLE).reserved()).isEqualByComparingTo("2");
    }

    @Test
    void cancellingReleasesTheReservationInTheSameDecisionAndRepliesWithTheStock() {
        place("cmd-1", "order-1", line(APPLE, "4"));

        var decision = change("cancel-1", "order-1", CANCELLED);

        assertThat(store.stock(APPLE).reserved()).isZero();
        assertThat(decision.orderEvents()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(CANCELLED);
            assertThat(e.sequence()).isEqualTo(3);
        });
        assertThat(decision.stockEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        StockChanged.class, c -> assertThat(c.change()).isEqualTo(StockChange.RELEASED));
        var reply = decision.reply().orElseThrow();
        assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(reply.stock()).singleElement().satisfies(level -> {
            assertThat(level.reserved()).isZero();
            assertThat(level.available()).isEqualByComparingTo("10");
            assertThat(level.version()).isEqualTo(3);
        });
    }

    @Test
    void completingSellsTheReservation() {
        place("cmd-1", "order-1", line(APPLE, "4"));
        change("c-1", "order-1", CONFIRMED);
        change("c-2", "order-1", PREPARING);
        change("c-3", "order-1", READY);

        var decision = change("c-4", "order-1", COMPLETED);

        assertThat(store.stock(APPLE).onHand()).isEqualByComparingTo("6");
        assertThat(store.stock(APPLE).reserved()).isZero();
        assertThat(decision.reply().orElseThrow().stock())
                .singleElement()
                .satisfies(level -> assertThat(level.onHand()).isEqualByComparingTo("6"));
    }

    @Test
    void movesThatDoNotSettleLeaveStockAlone() {
        place("cmd-1", "order-1", line(APPLE, "4"));

        var decision = change("c-1", "order-1", CONFIRMED);

        assertThat(decision.stocks()).isEmpty();
        assertThat(decision.reply().orElseThrow().stock()).isEmpty();
        assertThat(store.stock(APPLE).reserved()).isEqualByComparingTo("4");
    }

    @Test
    void aRepeatedCancelReleasesOnceAndAnswersAsTheFirstTime() {
        place("cmd-1", "order-1", line(APPLE, "4"));
        change("cancel-1", "order-1", CANCELLED);

        var again = change("cancel-1", "order-1", CANCELLED);

        assertThat(again.state()).isEmpty();
        assertThat(again.stocks()).isEmpty();
        assertThat(again.reply().orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(again.reply().orElseThrow().stock())
                .singleElement()
                .satisfies(level -> assertThat(level.reserved()).isZero());
        assertThat(store.stock(APPLE).available()).isEqualByComparingTo("10");
    }

    @Test
    void aMoveTheLifecycleForbidsIsRefusedWithTheStatusesAllowedNextAndARetryIsRefusedAgain() {
        place("cmd-1", "order-1", line(APPLE, "1"));

        var refused = change("c-1", "order-1", COMPLETED).reply().orElseThrow();
        change("c-2", "order-1", CONFIRMED);
        var again = change("c-1", "order-1", COMPLETED).reply().orElseThrow();

        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.detail()).isEqualTo("Cannot change status from created to completed");
        assertThat(refused.allowedNext()).containsExactly(CONFIRMED, CANCELLED);
        assertThat(again.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(again.detail()).isEqualTo(refused.detail());
        assertThat(again.order().status()).isEqualTo(CONFIRMED);
    }

    @Test
    void theCurrentStatusIsAnUnchangedNoOp() {
        place("cmd-1", "order-1", line(APPLE, "1"));

        var decision = change("c-1", "order-1", CREATED);

        assertThat(decision.orderEvents()).isEmpty();
        assertThat(decision.reply().orElseThrow().outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void orderStateKeepsOnlyABoundedListOfCommandIdsHoweverChattyTheClient() {
        place("cmd-1", "order-1", line(APPLE, "1"));

        IntStream.range(0, 100).forEach(i -> change("noop-" + i, "order-1", CREATED));

        var state = store.orders.get("order-1");
        assertThat(state.handledCommands()).hasSize(OrderState.HANDLED_COMMANDS_KEPT);
        assertThat(state.handledCommands())
                .extracting(HandledCommand::commandId)
                .last()
                .isEqualTo("noop-99");
    }

    @Test
    void anOrderTheLedgerHasNotSeenIsStillPendingAndCanOnlyBeCancelled() {
        var reply = change("c-1", "order-9", CONFIRMED).reply().orElseThrow();

        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.detail()).isEqualTo(StoreLedger.STILL_PENDING);
        assertThat(reply.order().status()).isEqualTo(PENDING);
        assertThat(reply.order().sequence())
                .as("never newer than the API's placeholder")
                .isZero();
        assertThat(reply.allowedNext()).containsExactly(CANCELLED);
        assertThat(store.orders).doesNotContainKey("order-9");
    }

    @Test
    void anOrderCancelledBeforeItsPlacementArrivedIsRememberedAndItsLatePlacementRefused() {
        var cancelled = change("cancel-1", "order-1", CANCELLED);

        assertThat(cancelled.orderEvents())
                .extracting(OrderStatusChanged::status)
                .containsExactly(PENDING, CANCELLED);
        assertThat(cancelled.reply().orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);

        var late = place("cmd-1", "order-1", line(APPLE, "2"));

        assertThat(late.stocks()).isEmpty();
        assertThat(late.orderEvents()).isEmpty();
        assertThat(late.reply().orElseThrow().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(late.reply().orElseThrow().order().status()).isEqualTo(CANCELLED);
        assertThat(store.stock(APPLE).reserved()).isZero();
    }

    @Test
    void anExpiredPlacementTheLedgerNeverSawIsRejectedAndALateOneRefused() {
        var expired = store.expire("order-1");

        assertThat(expired.orderEvents()).extracting(OrderStatusChanged::status).containsExactly(PENDING, REJECTED);
        OrderCommandReply reply = expired.reply().orElseThrow();
        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.detail()).isEqualTo(StoreLedger.NOT_DECIDED_IN_TIME);

        var late = place("cmd-1", "order-1", line(APPLE, "2"));

        assertThat(late.stocks()).isEmpty();
        assertThat(late.reply().orElseThrow().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(late.reply().orElseThrow().detail())
                .contains("already rejected")
                .contains("Not decided in time");
        assertThat(store.stock(APPLE).reserved()).isZero();
    }

    @Test
    void anExpiredPlacementTheLedgerDecidedIsANoOp() {
        place("cmd-1", "order-1", line(APPLE, "2"));

        var expired = store.expire("order-1");

        assertThat(expired).isEqualTo(LedgerDecision.none());
        assertThat(store.orders.get("order-1").status()).isEqualTo(CREATED);
    }

    @Test
    void aBatchOfExpiriesDecidesEachOrderExactlyAsItsSingleExpiryWould() {
        var twin = new LedgerHarness();
        twin.adjust(APPLE, "10");
        twin.adjust(PEAR, "5");
        for (var ledger : java.util.List.of(store, twin)) {
            ledger.decide(new PlaceOrder(
                    "cmd-1", "order-1", STORE, USER, USER, orderLines(line(APPLE, "2")), "key", ledger.now()));
        }

        var batch = store.expireAll("order-1", "order-2");
        var single = twin.expire("order-2");

        assertThat(batch)
                .containsOnlyKeys(new ExpirePlacement(
                        ExpirePlacement.commandIdFor("order-2"),
                        "order-2",
                        STORE,
                        twin.now().minusSeconds(1)));
        assertThat(batch.values()).containsExactly(single);
        assertThat(single.reply().orElseThrow().commandId()).isEqualTo(ExpirePlacement.commandIdFor("order-2"));
        assertThat(store.orders.get("order-1").status()).isEqualTo(CREATED);
        assertThat(store.orders.get("order-2")).isEqualTo(twin.orders.get("order-2"));
        assertThat(place("cmd-2", "order-2", line(APPLE, "1"))
                        .reply()
                        .orElseThrow()
                        .detail())
                .contains("Not decided in time");
    }

    @Test
    void aBatchOfExpiriesOfDecidedOrdersChangesNothing() {
        place("cmd-1", "order-1", line(APPLE, "2"));
        place("cmd-2", "order-2", line(PEAR, "1"));

        assertThat(store.expireAll("order-1", "order-2")).isEmpty();
        assertThat(store.orders.get("order-1").status()).isEqualTo(CREATED);
        assertThat(store.orders.get("order-2").status()).isEqualTo(CREATED);
    }

    @Test
    void aRejectedOrderCannotBeCancelledAndGivesNothingBack() {
        place("cmd-1", "order-1", line(APPLE, "20"));

        var decision = change("c-1", "order-1", CANCELLED);

        assertThat(decision.stocks()).isEmpty();
        assertThat(decision.reply().orElseThrow().outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aCommandForAnotherOrderIsABug() {
        place("cmd-1", "order-1", line(APPLE, "1"));
        var state = store.orders.get("order-1");
        var ledger = new StoreLedger(new StockLedger(LowStockPolicy.uniform(qty("0"))));

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ledger.decide(
                        state,
                        store.status("c", "order-2", CANCELLED),
                        productId -> java.util.Optional.empty(),
                        store.now()));
    }
}
