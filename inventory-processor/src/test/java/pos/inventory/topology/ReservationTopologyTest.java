package pos.inventory.topology;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pos.inventory.domain.LowStockPolicy;
import pos.inventory.domain.ReservationStatus;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.CommitStock;
import pos.schemas.command.ReleaseStock;
import pos.schemas.command.ReserveStock;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.ReservationResult;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.event.StockCommitted;
import pos.schemas.event.StockReleased;
import pos.schemas.event.StockReservationRejected;
import pos.schemas.event.StockReserved;
import pos.schemas.value.Shortage;
import pos.schemas.value.StockLine;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.schemas.Samples.AT;
import static pos.schemas.Samples.ORDER;
import static pos.schemas.Samples.PRODUCT;
import static pos.schemas.Samples.PRODUCT_2;
import static pos.schemas.Samples.STORE;

/** Reserve, release and commit through the topology: results keyed by order id, stock events by store id. */
class ReservationTopologyTest {

    @TempDir
    Path stateDir;
    private InventoryDriver inventory;

    @BeforeEach
    void stockTheStore() {
        inventory = new InventoryDriver(stateDir, LowStockPolicy.uniform(BigDecimal.ZERO));
        inventory.send(new AdjustStock("adj-1", STORE, PRODUCT, new BigDecimal("10"), "delivery", "u", AT));
        inventory.send(new AdjustStock("adj-2", STORE, PRODUCT_2, new BigDecimal("2"), "delivery", "u", AT));
        inventory.events();
        inventory.replies();
    }

    @AfterEach
    void stop() {
        inventory.close();
    }

    private static ReserveStock reserve(String commandId, String orderId, String... productQty) {
        List<StockLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < productQty.length; i += 2) {
            lines.add(new StockLine(productQty[i], new BigDecimal(productQty[i + 1])));
        }
        return new ReserveStock(commandId, STORE, orderId, lines, AT);
    }

    @Test
    void refusalsAreCountedPerStore() {
        inventory.send(reserve("res-1", ORDER, PRODUCT, "2"));
        inventory.send(reserve("res-2", "65b000000000000000000002", PRODUCT, "100"));
        inventory.send(reserve("res-3", "65b000000000000000000003", PRODUCT_2, "3"));

        assertThat(inventory.meters.get("pos.inventory.reservations.refused").tag("store_id", STORE).counter()
                .count()).isEqualTo(2.0);
    }

    @Test
    void theResultAndStockEventsCarryTheTraceparentOfTheReservation() {
        var traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        inventory.send(reserve("res-1", ORDER, PRODUCT, "2"), headers);

        assertThat(inventory.resultRecords()).singleElement().satisfies(result ->
                assertThat(result.headers().lastHeader("traceparent").value()).asString()
                        .isEqualTo(traceparent));
        assertThat(inventory.eventRecords()).isNotEmpty().allSatisfy(event ->
                assertThat(event.headers().lastHeader("traceparent").value()).asString()
                        .isEqualTo(traceparent));
    }

    private ReservationResult onlyResult() {
        List<KeyValue<String, ReservationResult>> results = inventory.results();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).key).isEqualTo(results.get(0).value.orderId());
        return results.get(0).value;
    }

    @Test
    void reservationResultIsKeyedByOrderIdAndStockEventsByStoreId() {
        inventory.send(reserve("res-1", ORDER, PRODUCT, "2", PRODUCT_2, "1.5"));

        assertThat(inventory.results()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(ORDER);
            assertThat(kv.value).isInstanceOf(StockReserved.class);
            assertThat(kv.value.commandId()).isEqualTo("res-1");
            assertThat(kv.value.occurredAt()).isEqualTo(inventory.now());
        });
        List<KeyValue<String, InventoryEvent>> events = inventory.events();
        assertThat(events).extracting(kv -> kv.key).containsOnly(STORE);
        assertThat(events).extracting(kv -> ((StockChanged) kv.value).change()).containsOnly(StockChange.RESERVED);
        assertThat(events).extracting(kv -> ((StockChanged) kv.value).orderId()).containsOnly(ORDER);
        assertThat(inventory.reservationStore().get(STORE + "|" + ORDER).status())
                .isEqualTo(ReservationStatus.RESERVED);
        assertThat(inventory.replies.isEmpty()).isTrue();
    }

    @Test
    void rejectsTheWholeOrderListingEveryShortLine() {
        inventory.send(reserve("res-1", ORDER, PRODUCT, "10.5", PRODUCT_2, "1", PRODUCT_2, "1.5"));

        assertThat(onlyResult()).isInstanceOfSatisfying(StockReservationRejected.class, rejected ->
                assertThat(rejected.shortages()).containsExactly(
                        new Shortage(PRODUCT, new BigDecimal("10.5"), new BigDecimal("10")),
                        new Shortage(PRODUCT_2, new BigDecimal("2.5"), new BigDecimal("2"))));
        assertThat(inventory.events.isEmpty()).isTrue();
        assertThat(inventory.stockStore().get(STORE + "|" + PRODUCT).reserved()).isZero();
    }

    @Test
    void repeatedReserveReemitsTheSameResultWithoutChange() {
        inventory.send(reserve("res-1", ORDER, PRODUCT, "2"));
        ReservationResult first = onlyResult();
        inventory.events();

        inventory.send(reserve("res-2", ORDER, PRODUCT, "2"));

        assertThat(onlyResult()).isEqualTo(first);
        assertThat(inventory.events.isEmpty()).isTrue();
        assertThat(inventory.stockStore().get(STORE + "|" + PRODUCT).reserved()).isEqualByComparingTo("2");
    }

    @Test
    void repeatedRejectedReserveReemitsTheRejection() {
        inventory.send(reserve("res-1", ORDER, PRODUCT, "11"));
        ReservationResult rejection = onlyResult();

        inventory.send(reserve("res-1", ORDER, PRODUCT, "11"));

        assertThat(onlyResult()).isEqualTo(rejection).isInstanceOf(StockReservationRejected.class);
    }

    @Test
    void releaseGivesStockBackAndAnswersOnceEvenWhenRepeated() {
        inventory.send(reserve("res-1", ORDER, PRODUCT, "4"));
        inventory.results();
        inventory.events();

        inventory.send(new ReleaseStock("rel-1", STORE, ORDER, AT));
        inventory.send(new ReleaseStock("rel-2", STORE, ORDER, AT));

        List<KeyValue<String, ReservationResult>> results = inventory.results();
        assertThat(results).extracting(kv -> kv.key).containsExactly(ORDER, ORDER);
        assertThat(results).extracting(kv -> kv.value.commandId()).containsExactly("rel-1", "rel-1");
        assertThat(results).extracting(kv -> kv.value).allMatch(StockReleased.class::isInstance);
        assertThat(inventory.events()).singleElement()
                .satisfies(kv -> assertThat(((StockChanged) kv.value).reservedDelta()).isEqualByComparingTo("-4"));
        assertThat(inventory.stockStore().get(STORE + "|" + PRODUCT).reserved()).isZero();
    }

    @Test
    void releaseOfAnUnknownOrderAnswersReleasedWithoutChange() {
        inventory.send(new ReleaseStock("rel-1", STORE, ORDER, AT));

        assertThat(onlyResult()).isEqualTo(new StockReleased("rel-1", ORDER, STORE, inventory.now()));
        assertThat(inventory.events.isEmpty()).isTrue();
    }

    @Test
    void commitSellsTheReservationAndAnswersOnceEvenWhenRepeated() {
        inventory.send(reserve("res-1", ORDER, PRODUCT, "4", PRODUCT_2, "0.5"));
        inventory.results();
        inventory.events();

        inventory.send(new CommitStock("com-1", STORE, ORDER, AT));
        inventory.send(new CommitStock("com-2", STORE, ORDER, AT));
        inventory.send(new ReleaseStock("rel-1", STORE, ORDER, AT));

        assertThat(inventory.results()).extracting(kv -> kv.value).containsExactly(
                new StockCommitted("com-1", ORDER, STORE, inventory.now()),
                new StockCommitted("com-1", ORDER, STORE, inventory.now()),
                new StockCommitted("com-1", ORDER, STORE, inventory.now()));
        assertThat(inventory.events()).extracting(kv -> ((StockChanged) kv.value).eventId())
                .containsExactly("com-1/" + PRODUCT + "/committed", "com-1/" + PRODUCT_2 + "/committed");
        assertThat(inventory.stockStore().get(STORE + "|" + PRODUCT_2)).satisfies(stock -> {
            assertThat(stock.onHand()).isEqualTo(new BigDecimal("1.5"));
            assertThat(stock.reserved()).isZero();
            assertThat(stock.version()).isEqualTo(3);
        });
    }

    @Test
    void purgesEndedReservationsOnceOlderThanTheRetention() {
        inventory.send(reserve("res-1", "order-committed", PRODUCT, "1"));
        inventory.send(reserve("res-2", "order-released", PRODUCT, "1"));
        inventory.send(reserve("res-3", "order-rejected", PRODUCT, "100"));
        inventory.send(new CommitStock("com-1", STORE, "order-committed", AT));
        inventory.send(new ReleaseStock("rel-2", STORE, "order-released", AT));

        inventory.advance(InventoryDriver.RETENTION.plus(InventoryDriver.PURGE_INTERVAL));

        assertThat(inventory.reservationStore().get(STORE + "|order-committed")).isNull();
        assertThat(inventory.reservationStore().get(STORE + "|order-released")).isNull();
        assertThat(inventory.reservationStore().get(STORE + "|order-rejected")).isNull();
    }

    @Test
    void neverPurgesALiveReservationNorAnEndedOneWithinTheRetention() {
        inventory.send(reserve("res-1", "order-live", PRODUCT, "3"));
        inventory.advance(InventoryDriver.RETENTION);
        inventory.send(reserve("res-2", "order-cancelled", PRODUCT, "1"));
        inventory.send(new ReleaseStock("rel-2", STORE, "order-cancelled", AT));

        inventory.advance(InventoryDriver.RETENTION.minus(InventoryDriver.PURGE_INTERVAL));

        assertThat(inventory.reservationStore().get(STORE + "|order-live").status())
                .isEqualTo(ReservationStatus.RESERVED);
        assertThat(inventory.reservationStore().get(STORE + "|order-cancelled").status())
                .isEqualTo(ReservationStatus.RELEASED);
        inventory.results();
        inventory.send(new CommitStock("com-1", STORE, "order-live", AT));
        assertThat(onlyResult()).isEqualTo(new StockCommitted("com-1", "order-live", STORE, inventory.now()));
        assertThat(inventory.stockStore().get(STORE + "|" + PRODUCT).onHand()).isEqualByComparingTo("7");
    }

    @Test
    void commitOfAnUnknownOrderChangesNothing() {
        inventory.send(new CommitStock("com-1", STORE, ORDER, AT));

        assertThat(onlyResult()).isEqualTo(new StockCommitted("com-1", ORDER, STORE, inventory.now()));
        assertThat(inventory.events.isEmpty()).isTrue();
        assertThat(inventory.reservationStore().get(STORE + "|" + ORDER)).isNull();
    }

    @Test
    void lastUnitsGoToTheFirstOrderOnly() {
        inventory.send(reserve("res-1", "order-1", PRODUCT_2, "2"));
        inventory.send(reserve("res-2", "order-2", PRODUCT_2, "1"));

        assertThat(inventory.results()).extracting(kv -> kv.value.getClass().getSimpleName())
                .containsExactly("StockReserved", "StockReservationRejected");
    }
}
