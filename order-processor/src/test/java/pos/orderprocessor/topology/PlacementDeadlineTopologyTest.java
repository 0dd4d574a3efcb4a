package pos.orderprocessor.topology;

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
import pos.schemas.command.ExpirePlacement;
import pos.schemas.command.OrderCommand;
import pos.schemas.command.PlaceOrder;
import pos.schemas.serde.JsonSerdes;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every placement gets an expiry once its deadline has passed, keyed by its store; nothing else does. */
class PlacementDeadlineTopologyTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String OTHER_ORDER = "65b000000000000000000002";

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
        commands = driver.createInputTopic(Topics.ORDER_COMMANDS, Serdes.String().serializer(),
                JsonSerdes.orderCommand().serializer());
        output = driver.createOutputTopic(Topics.ORDER_COMMANDS, Serdes.String().deserializer(),
                JsonSerdes.orderCommand().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static PlaceOrder place(String orderId) {
        var sample = Samples.placeOrder();
        return new PlaceOrder("place-" + orderId, orderId, sample.storeId(), sample.userId(), sample.placedBy(),
                sample.lines(), null, START);
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
            assertThat(kv.value).isEqualTo(new ExpirePlacement(ExpirePlacement.commandIdFor(Samples.ORDER),
                    Samples.ORDER, Samples.STORE, ((ExpirePlacement) kv.value).issuedAt()));
        });
        assertThat(driver.getKeyValueStore(PlacementDeadlineTopology.DEADLINE_STORE).approximateNumEntries())
                .isZero();
    }

    @Test
    void placementsExpireInDeadlineOrderAndOnlyWhenDue() {
        commands.pipeInput(Samples.STORE, place(Samples.ORDER));
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        commands.pipeInput(Samples.STORE, place(OTHER_ORDER));

        driver.advanceWallClockTime(Duration.ofSeconds(21));
        assertThat(output.readValuesToList()).extracting(OrderCommand::orderId).containsExactly(Samples.ORDER);

        driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertThat(output.readValuesToList()).extracting(OrderCommand::orderId).containsExactly(OTHER_ORDER);
    }

    @Test
    void statusChangesAndExpiriesPassBy() {
        commands.pipeInput(Samples.STORE, Samples.changeOrderStatus());
        commands.pipeInput(Samples.STORE, Samples.expirePlacement());

        driver.advanceWallClockTime(DEADLINE.multipliedBy(2));

        assertThat(output.isEmpty()).isTrue();
    }

    @Test
    void keysSortByDeadline() {
        assertThat(PlacementDeadlineProcessor.key(Instant.ofEpochMilli(9), "b"))
                .isLessThan(PlacementDeadlineProcessor.key(Instant.ofEpochMilli(10), "a"));
    }
}
