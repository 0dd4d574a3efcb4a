package pos.orderprocessor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pos.orderprocessor.domain.PlacementDeadline;
import pos.schemas.Samples;
import pos.schemas.Topics;
import pos.schemas.command.ExpirePlacements;
import pos.schemas.command.OrderCommand;
import pos.schemas.command.PlaceOrder;
import pos.schemas.serde.JsonSerdes;

/**
 * Every placement gets an expiry once its deadline has passed, sent with the other due placements of its store in
 * one command keyed by the store; nothing else does.
 */
class PlacementDeadlineTopologyTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String OTHER_ORDER = "65b000000000000000000002";
    private static final List<String> STORES =
            List.of(Samples.STORE, "65a000000000000000000002", "65a000000000000000000003");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, OrderCommand> commands;
    private TestOutputTopic<String, OrderCommand> output;

    @BeforeEach
    void start() {
        var builder = new StreamsBuilder();
        new PlacementDeadlineTopology(new PlacementDeadline(DEADLINE), Duration.ofSeconds(1)).addTo(builder);
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-processor");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(), props, START);
        commands = driver.createInputTopic(
                Topics.ORDER_COMMANDS,
                Serdes.String().serializer(),
                JsonSerdes.orderCommand().serializer());
        output = driver.createOutputTopic(
                Topics.ORDER_COMMANDS,
                Serdes.String().deserializer(),
                JsonSerdes.orderCommand().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static PlaceOrder place(String orderId) {
        return place(orderId, Samples.STORE);
    }

    private static PlaceOrder place(String orderId, String storeId) {
        var sample = Samples.placeOrder();
        return new PlaceOrder(
                "place-" + orderId, orderId, storeId, sample.userId(), sample.placedBy(), sample.lines(), null, START);
    }

    private static String orderId(int store, int n) {
        return String.format("65b%03d%018d", store, n);
    }

    private List<ExpirePlacements> expiries() {
        return output.readValuesToList().stream()
                .map(ExpirePlacements.class::cast)
                .toList();
    }

    @Test
    void nothingIsExpiredBeforeTheDeadline() {
        commands.pipeInput(Samples.STORE, place(Samples.ORDER));

        driver.advanceWallClockTime(DEADLINE.minusSeconds(2));

        assertThat(output.isEmpty()).isTrue();
    }

    @Test
    void aPlacementPastItsDeadlineIsExpiredOnceKeyedByItsStore() {
        commands.pipeInput(Samples.STORE, place(Samples.ORDER));

        driver.advanceWallClockTime(DEADLINE.plusSeconds(1));
        driver.advanceWallClockTime(DEADLINE.plusSeconds(1));

        assertThat(output.readKeyValuesToList()).singleElement().satisfies((KeyValue<String, OrderCommand> kv) -> {
            assertThat(kv.key).isEqualTo(Samples.STORE);
            assertThat(kv.value)
                    .isEqualTo(ExpirePlacements.of(Samples.STORE, List.of(Samples.ORDER), kv.value.issuedAt()));
        });
        assertThat(driver.getKeyValueStore(PlacementDeadlineTopology.DEADLINE_STORE)
                        .approximateNumEntries())
                .isZero();
    }

    @Test
    void placementsExpireInDeadlineOrderAndOnlyWhenDue() {
        commands.pipeInput(Samples.STORE, place(Samples.ORDER));
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        commands.pipeInput(Samples.STORE, place(OTHER_ORDER));

        driver.advanceWallClockTime(Duration.ofSeconds(21));
        assertThat(expiries()).flatExtracting(ExpirePlacements::orderIds).containsExactly(Samples.ORDER);

        driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertThat(expiries()).flatExtracting(ExpirePlacements::orderIds).containsExactly(OTHER_ORDER);
    }

    @Test
    void manyPlacementsInSeveralStoresExpireAsOneRecordPerStore() {
        for (int n = 0; n < 40; n++) {
            for (int store = 0; store < STORES.size(); store++) {
                commands.pipeInput(STORES.get(store), place(orderId(store, n), STORES.get(store)));
            }
            driver.advanceWallClockTime(Duration.ofMillis(100));
        }

        driver.advanceWallClockTime(DEADLINE);

        var records = output.readKeyValuesToList();
        assertThat(records).extracting(kv -> kv.key).containsExactlyElementsOf(STORES);
        for (int store = 0; store < STORES.size(); store++) {
            int s = store;
            var batch = (ExpirePlacements) records.get(store).value;
            assertThat(batch.storeId()).isEqualTo(STORES.get(store));
            assertThat(batch.orderIds())
                    .as("in deadline order")
                    .containsExactlyElementsOf(
                            IntStream.range(0, 40).mapToObj(n -> orderId(s, n)).toList());
            assertThat(batch.commandId()).isEqualTo(ExpirePlacements.commandIdFor(batch.storeId(), batch.orderIds()));
        }
        assertThat(driver.getKeyValueStore(PlacementDeadlineTopology.DEADLINE_STORE)
                        .approximateNumEntries())
                .isZero();
    }

    @Test
    void aStoreWithMoreDuePlacementsThanOneRecordHoldsGetsSeveralRecords() {
        int count = ExpirePlacements.MAX_ORDERS + 7;
        IntStream.range(0, count).forEach(n -> commands.pipeInput(Samples.STORE, place(orderId(0, n))));

        driver.advanceWallClockTime(DEADLINE.plusSeconds(1));

        var records = output.readKeyValuesToList();
        assertThat(records).extracting(kv -> kv.key).containsOnly(Samples.STORE);
        assertThat(records)
                .extracting(kv -> ((ExpirePlacements) kv.value).orderIds().size())
                .containsExactly(ExpirePlacements.MAX_ORDERS, 7);
        assertThat(records)
                .flatExtracting(kv -> ((ExpirePlacements) kv.value).orderIds())
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, count).mapToObj(n -> orderId(0, n)).toList());
    }

    @Test
    void anOrderPlacedTwiceIsExpiredOnce() {
        commands.pipeInput(Samples.STORE, place(Samples.ORDER));
        driver.advanceWallClockTime(Duration.ofMillis(500));
        commands.pipeInput(Samples.STORE, place(Samples.ORDER));

        driver.advanceWallClockTime(DEADLINE.plusSeconds(1));

        assertThat(expiries())
                .singleElement()
                .extracting(ExpirePlacements::orderIds)
                .isEqualTo(List.of(Samples.ORDER));
        assertThat(driver.getKeyValueStore(PlacementDeadlineTopology.DEADLINE_STORE)
                        .approximateNumEntries())
                .isZero();
    }

    @Test
    void statusChangesAndExpiriesPassBy() {
        commands.pipeInput(Samples.STORE, Samples.changeOrderStatus());
        commands.pipeInput(Samples.STORE, Samples.expirePlacement());
        commands.pipeInput(Samples.STORE, Samples.expirePlacements());

        driver.advanceWallClockTime(DEADLINE.multipliedBy(2));

        assertThat(output.isEmpty()).isTrue();
    }

    @Test
    void aPlacementTheLedgerCannotReadStillGetsItsDeadlineSoItsOrderIsRejectedInsteadOfLeftPending() {
        // the ledger dead-letters it (no lines); the deadline only needs its type, order id and store id
        var unreadableForTheLedger = ("{\"type\":\"PlaceOrder\",\"command_id\":\"c\",\"order_id\":\"" + Samples.ORDER
                        + "\",\"store_id\":\"" + Samples.STORE + "\",\"lines\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        driver.createInputTopic(
                        Topics.ORDER_COMMANDS,
                        Serdes.String().serializer(),
                        Serdes.ByteArray().serializer())
                .pipeInput(Samples.STORE, unreadableForTheLedger);

        driver.advanceWallClockTime(DEADLINE.plusSeconds(1));

        assertThat(expiries()).singleElement().satisfies(expiry -> {
            assertThat(expiry.storeId()).isEqualTo(Samples.STORE);
            assertThat(expiry.orderIds()).containsExactly(Samples.ORDER);
        });
    }
}
