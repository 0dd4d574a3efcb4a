package pos.inventory.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.schemas.Samples.AT;
import static pos.schemas.Samples.ORDER;
import static pos.schemas.Samples.PRODUCT;
import static pos.schemas.Samples.PRODUCT_2;
import static pos.schemas.Samples.STORE;
import static pos.schemas.Samples.USER;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pos.inventory.domain.LowStockPolicy;
import pos.inventory.domain.OrderState;
import pos.schemas.Limits;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.ExpirePlacement;
import pos.schemas.command.ExpirePlacements;
import pos.schemas.command.PlaceOrder;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.OrderEvent;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.event.StockChanged;
import pos.schemas.reply.CommandReply;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.serde.JsonSerde;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

/** One hop: a placement or status change and its stock effect in one task, one transaction, one reply. */
class StoreLedgerTopologyTest {

    private static final String OTHER_ORDER = "65b000000000000000000002";

    @TempDir
    Path stateDir;

    private InventoryDriver ledger;

    @BeforeEach
    void start() {
        ledger = new InventoryDriver(stateDir, LowStockPolicy.uniform(BigDecimal.ZERO));
        ledger.send(new AdjustStock("stock-1", STORE, PRODUCT, new BigDecimal("10"), "delivery", USER, AT));
        ledger.send(new AdjustStock("stock-2", STORE, PRODUCT_2, new BigDecimal("3"), "delivery", USER, AT));
        ledger.replies();
        ledger.events();
    }

    @AfterEach
    void stop() {
        ledger.close();
    }

    private static List<OrderLine> lines(String productId, String qty) {
        return List.of(new OrderLine(productId, "SKU-1", "Burger", new BigDecimal(qty), new BigDecimal("3.50")));
    }

    private static PlaceOrder place(String commandId, String orderId, List<OrderLine> lines) {
        return new PlaceOrder(commandId, orderId, STORE, USER, USER, lines, "key-1", AT);
    }

    private static ChangeOrderStatus change(String commandId, String orderId, OrderStatus status) {
        return new ChangeOrderStatus(commandId, orderId, STORE, status, USER, AT);
    }

    private OrderCommandReply onlyReply(String commandId) {
        List<KeyValue<String, CommandReply>> replies = ledger.replies();
        assertThat(replies)
                .singleElement()
                .satisfies(reply -> assertThat(reply.key).isEqualTo(commandId));
        return (OrderCommandReply) replies.get(0).value;
    }

    @Test
    void aPlacementIsDecidedInOneStepWithItsEventsSnapshotStockAndReply() {
        ledger.send(place("place-1", ORDER, lines(PRODUCT, "4")));

        List<KeyValue<String, OrderEvent>> events = ledger.orderEvents();
        assertThat(events).extracting(e -> e.key).containsOnly(ORDER);
        assertThat(events)
                .extracting(e -> ((OrderStatusChanged) e.value).status())
                .containsExactly(OrderStatus.PENDING, OrderStatus.CREATED);
        assertThat(ledger.orderSnapshots()).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.key).isEqualTo(ORDER);
            assertThat(snapshot.value.status()).isEqualTo(OrderStatus.CREATED);
            assertThat(snapshot.value.sequence()).isEqualTo(2);
        });
        List<KeyValue<String, InventoryEvent>> stock = ledger.events();
        assertThat(stock).singleElement().satisfies(event -> {
            assertThat(event.key).isEqualTo(STORE);
            assertThat(((StockChanged) event.value).stock().reserved()).isEqualByComparingTo("4");
        });
        var reply = onlyReply("place-1");
        assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(reply.order().status()).isEqualTo(OrderStatus.CREATED);
        assertThat(reply.stock()).singleElement().satisfies(level -> {
            assertThat(level.available()).isEqualByComparingTo("6");
            assertThat(level.version()).isEqualTo(2);
        });
    }

    @Test
    void orderStatesAreKeptAsTheJsonATypedStoreWroteSoStateFromAnOlderChangelogReadsTheSame() {
        ledger.send(place("place-1", ORDER, lines(PRODUCT, "4")));
        var typed = new JsonSerde<>(OrderState.class);

        byte[] stored = ledger.orderStore().bytes().get(InventoryStores.key(STORE, ORDER));
        var state = typed.deserialize("changelog", stored);
        assertThat(state.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(stored).isEqualTo(typed.serialize("changelog", state));

        // as the typed store of an older ledger restored it from its changelog
        ledger.orderStore().bytes().put(InventoryStores.key(STORE, ORDER), typed.serialize("changelog", state));
        ledger.replies();
        ledger.send(change("confirm-1", ORDER, OrderStatus.CONFIRMED));

        var reply = onlyReply("confirm-1");
        assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(reply.order().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(ledger.orderStore().get(InventoryStores.key(STORE, ORDER)).status())
                .isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aShortPlacementIsRejectedWithoutTouchingStock() {
        ledger.send(place("place-1", ORDER, lines(PRODUCT_2, "4")));

        assertThat(ledger.orderEvents())
                .extracting(e -> ((OrderStatusChanged) e.value).status())
                .containsExactly(OrderStatus.PENDING, OrderStatus.REJECTED);
        assertThat(ledger.events()).isEmpty();
        assertThat(onlyReply("place-1").outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void cancelReleasesInTheSameTransactionAndTheReplyCarriesTheStockAfterIt() {
        ledger.send(place("place-1", ORDER, lines(PRODUCT, "4")));
        ledger.replies();
        ledger.events();

        ledger.send(change("cancel-1", ORDER, OrderStatus.CANCELLED));

        var reply = onlyReply("cancel-1");
        assertThat(reply.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(reply.stock()).singleElement().satisfies(level -> {
            assertThat(level.reserved()).isZero();
            assertThat(level.available()).isEqualByComparingTo("10");
            assertThat(level.version()).isEqualTo(3);
        });
        assertThat(ledger.events())
                .singleElement()
                .satisfies(
                        event -> assertThat(((StockChanged) event.value).stock().version())
                                .isEqualTo(3));
        assertThat(ledger.stockStore().get(InventoryStores.key(STORE, PRODUCT)).reserved())
                .isZero();
    }

    @Test
    void anExpiredPlacementThatNeverArrivedIsRejectedAndItsRedrivenPlacementRefused() {
        ledger.send(new ExpirePlacement(ExpirePlacement.commandIdFor(ORDER), ORDER, STORE, AT));

        assertThat(ledger.orderEvents())
                .extracting(e -> ((OrderStatusChanged) e.value).status())
                .containsExactly(OrderStatus.PENDING, OrderStatus.REJECTED);
        assertThat(onlyReply(ExpirePlacement.commandIdFor(ORDER)).detail()).isEqualTo("Not decided in time");

        ledger.send(place("place-1", ORDER, lines(PRODUCT, "4")));

        assertThat(ledger.orderEvents()).isEmpty();
        assertThat(ledger.events()).isEmpty();
        var refused = onlyReply("place-1");
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(ledger.stockStore().get(InventoryStores.key(STORE, PRODUCT)).reserved())
                .isZero();
    }

    @Test
    void anExpiredPlacementTheLedgerDecidedWritesNothing() {
        ledger.send(place("place-1", ORDER, lines(PRODUCT, "4")));
        ledger.orderEvents();
        ledger.orderSnapshots();
        ledger.replies();
        ledger.events();

        ledger.send(new ExpirePlacement(ExpirePlacement.commandIdFor(ORDER), ORDER, STORE, AT));

        assertThat(ledger.orderEvents()).isEmpty();
        assertThat(ledger.orderSnapshots()).isEmpty();
        assertThat(ledger.replies()).isEmpty();
        assertThat(ledger.events()).isEmpty();
    }

    /** The same outputs, from a ledger given the batch and from one given the single expiry of the unknown order. */
    @Test
    void aBatchOfExpiriesWritesExactlyTheSingleExpiryOutputsOfTheUnknownOrderAndNothingForTheKnownOne() {
        var twin = new InventoryDriver(stateDir.resolve("twin"), LowStockPolicy.uniform(BigDecimal.ZERO));
        try {
            for (var driver : List.of(ledger, twin)) {
                driver.send(place("place-1", ORDER, lines(PRODUCT, "4")));
                driver.orderEvents();
                driver.orderSnapshots();
                driver.replies();
                driver.events();
            }

            ledger.send(ExpirePlacements.of(STORE, List.of(ORDER, OTHER_ORDER), AT));
            twin.send(new ExpirePlacement(ExpirePlacement.commandIdFor(OTHER_ORDER), OTHER_ORDER, STORE, AT));

            var orderEvents = ledger.orderEvents();
            assertThat(orderEvents).extracting(e -> e.key).containsOnly(OTHER_ORDER);
            assertThat(orderEvents)
                    .extracting(e -> ((OrderStatusChanged) e.value).status())
                    .containsExactly(OrderStatus.PENDING, OrderStatus.REJECTED);
            assertThat(orderEvents).isEqualTo(twin.orderEvents());
            var snapshots = ledger.orderSnapshots();
            assertThat(snapshots).extracting(e -> e.key).containsExactly(OTHER_ORDER);
            assertThat(snapshots).isEqualTo(twin.orderSnapshots());
            var replies = ledger.replies();
            assertThat(replies).extracting(r -> r.key).containsExactly(ExpirePlacement.commandIdFor(OTHER_ORDER));
            assertThat(((OrderCommandReply) replies.get(0).value).detail()).isEqualTo("Not decided in time");
            assertThat(replies).isEqualTo(twin.replies());
            assertThat(ledger.events()).isEmpty();
            assertThat(twin.events()).isEmpty();
            assertThat(ledger.orderStore()
                            .get(InventoryStores.key(STORE, ORDER))
                            .status())
                    .isEqualTo(OrderStatus.CREATED);
            assertThat(ledger.orderStore().get(InventoryStores.key(STORE, OTHER_ORDER)))
                    .isEqualTo(twin.orderStore().get(InventoryStores.key(STORE, OTHER_ORDER)));
        } finally {
            twin.close();
        }

        ledger.send(place("place-2", OTHER_ORDER, lines(PRODUCT, "1")));

        assertThat(onlyReply("place-2").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(ledger.events()).isEmpty();
    }

    @Test
    void aBatchOfExpiriesOfDecidedOrdersWritesNothing() {
        ledger.send(place("place-1", ORDER, lines(PRODUCT, "4")));
        ledger.send(place("place-2", OTHER_ORDER, lines(PRODUCT_2, "1")));
        ledger.orderEvents();
        ledger.orderSnapshots();
        ledger.replies();
        ledger.events();

        ledger.send(ExpirePlacements.of(STORE, List.of(ORDER, OTHER_ORDER), AT));

        assertThat(ledger.orderEvents()).isEmpty();
        assertThat(ledger.orderSnapshots()).isEmpty();
        assertThat(ledger.replies()).isEmpty();
        assertThat(ledger.events()).isEmpty();
    }

    @Test
    void aPendingOrderTheLedgerNeverSawCanBeCancelledAndItsLatePlacementIsRefused() {
        ledger.send(change("cancel-1", ORDER, OrderStatus.CANCELLED));

        assertThat(onlyReply("cancel-1").order().status()).isEqualTo(OrderStatus.CANCELLED);

        ledger.send(place("place-1", ORDER, lines(PRODUCT, "4")));

        assertThat(onlyReply("place-1").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(ledger.events()).isEmpty();
    }

    /**
     * The stalled pipeline: twelve no-op PATCH {status: created} on a 200-line order with 300-character
     * names made order state grow past the broker's message size. Now every no-op is answered, the order state stays
     * small, and the next order of the store is decided.
     */
    @Test
    void twelveNoOpStatusChangesOnAHugeOrderStallNothing() {
        String name = "n".repeat(300);
        List<OrderLine> lines = IntStream.range(0, Limits.MAX_ORDER_LINES)
                .mapToObj(i -> new OrderLine(PRODUCT, "SKU-" + i, name, new BigDecimal("0.01"), BigDecimal.ONE))
                .toList();
        ledger.send(place("place-1", ORDER, lines));
        assertThat(onlyReply("place-1").order().status()).isEqualTo(OrderStatus.CREATED);

        IntStream.range(0, 12).forEach(i -> ledger.send(change("noop-" + i, ORDER, OrderStatus.CREATED)));

        List<KeyValue<String, CommandReply>> replies = ledger.replies();
        assertThat(replies).hasSize(12).allSatisfy(reply -> {
            assertThat(((OrderCommandReply) reply.value).outcome()).isEqualTo(Outcome.UNCHANGED);
        });
        OrderState state = ledger.orderStore().get(InventoryStores.key(STORE, ORDER));
        byte[] stored = new JsonSerde<>(OrderState.class).serialize("changelog", state);
        byte[] order = new JsonSerde<>(OrderSnapshot.class).serialize("state", state.order());
        assertThat(stored.length).isLessThan(order.length + 4_000).isLessThan(Limits.MAX_RECORD_BYTES);

        ledger.send(place("place-2", OTHER_ORDER, lines(PRODUCT, "1")));

        assertThat(onlyReply("place-2").order().status()).isEqualTo(OrderStatus.CREATED);
    }

    @Test
    void outputsCarryTheTraceHeadersOfTheCommand() {
        var headers = new RecordHeaders();
        headers.add(
                "traceparent",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        headers.add("other", "x".getBytes(StandardCharsets.UTF_8));

        ledger.send(place("place-1", ORDER, lines(PRODUCT, "1")), headers);

        assertThat(ledger.orderEventRecords()).allSatisfy(record -> {
            assertThat(record.headers().lastHeader("traceparent")).isNotNull();
            assertThat(record.headers().lastHeader("other")).isNull();
        });
    }
}
