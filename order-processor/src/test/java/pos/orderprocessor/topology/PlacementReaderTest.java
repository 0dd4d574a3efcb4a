package pos.orderprocessor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pos.schemas.Samples;
import pos.schemas.Topics;
import pos.schemas.command.OrderCommand;
import pos.schemas.serde.JsonSerdes;

/**
 * The deadline reads of each command what it needs: the order and store ids of a placement, nothing of any other
 * command; the records it cannot use at all are refused as unreadable (and dead-lettered by the handler).
 */
class PlacementReaderTest {

    private final PlacementReader reader = new PlacementReader();

    private PendingPlacement read(String json) {
        return reader.deserialize(Topics.ORDER_COMMANDS, json.getBytes(StandardCharsets.UTF_8));
    }

    private PendingPlacement read(OrderCommand command) {
        return reader.deserialize(
                Topics.ORDER_COMMANDS, JsonSerdes.orderCommand().serialize("", command));
    }

    @Test
    void aPlacementAsTheApiWritesItGivesItsOrderAndStore() {
        assertThat(read(Samples.placeOrder())).isEqualTo(new PendingPlacement(Samples.ORDER, Samples.STORE));
    }

    @Test
    void everyOtherCommandIsNoPlacement() {
        assertThat(read(Samples.changeOrderStatus())).isNull();
        assertThat(read(Samples.expirePlacement())).isNull();
        assertThat(read(Samples.expirePlacements())).isNull();
        assertThat(read("{\"type\":\"SomeLaterCommand\",\"order_id\":\"o\",\"store_id\":\"s\"}"))
                .isNull();
    }

    @Test
    void fieldsMayComeInAnyOrderAndOthersAreSkipped() {
        assertThat(read("{\"lines\":[{\"name\":\"x\",\"qty\":\"1\"}],\"store_id\":\"s\",\"meta\":{\"type\":\"nested\"},"
                        + "\"order_id\":\"o\",\"type\":\"PlaceOrder\"}"))
                .isEqualTo(new PendingPlacement("o", "s"));
    }

    @Test
    void whatFollowsTheIdsOfAPlacementIsNotRead() {
        // cut off in its lines: the ledger cannot read it and dead-letters it; the deadline then rejects the order
        assertThat(
                        read(
                                "{\"type\":\"PlaceOrder\",\"command_id\":\"c\",\"order_id\":\"o\",\"store_id\":\"s\",\"lines\":[{"))
                .isEqualTo(new PendingPlacement("o", "s"));
    }

    @Test
    void aPlacementWrittenByItsSerdeIsReadBackAsTheSamePlacement() {
        var serde = PlacementReader.serde();
        var placement = new PendingPlacement(Samples.ORDER, Samples.STORE);

        var bytes = serde.serializer().serialize(Topics.ORDER_COMMANDS, placement);

        assertThat(serde.deserializer().deserialize(Topics.ORDER_COMMANDS, bytes))
                .isEqualTo(placement);
        assertThat(serde.serializer().serialize(Topics.ORDER_COMMANDS, null)).isNull();
    }

    @Test
    void aTombstoneStaysNull() {
        assertThat(reader.deserialize(Topics.ORDER_COMMANDS, null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[\"PlaceOrder\"]",
                "{\"type\":\"PlaceOrder\",\"order_id\":",
                "{\"order_id\":\"o\",\"store_id\":\"s\"}",
                "{\"type\":7,\"order_id\":\"o\",\"store_id\":\"s\"}",
                "{\"type\":{\"name\":\"PlaceOrder\"},\"order_id\":\"o\",\"store_id\":\"s\"}",
                "{\"type\":\"PlaceOrder\",\"store_id\":\"s\"}",
                "{\"type\":\"PlaceOrder\",\"order_id\":\"\",\"store_id\":\"s\"}",
                "{\"type\":\"PlaceOrder\",\"order_id\":\"o\",\"store_id\":null}",
                "{\"type\":\"PlaceOrder\",\"order_id\":[\"o\"],\"store_id\":\"s\"}"
            })
    void aRecordWithoutWhatTheDeadlineNeedsIsUnreadable(String json) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot read OrderCommand from " + Topics.ORDER_COMMANDS);
    }
}
