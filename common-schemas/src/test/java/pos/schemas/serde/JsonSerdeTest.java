package pos.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import pos.schemas.Samples;
import pos.schemas.Topics;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.OrderCommand;
import tools.jackson.databind.node.ObjectNode;

class JsonSerdeTest {

    private static final String ORDERS = Topics.ORDER_COMMANDS;
    private static final String INVENTORY = Topics.INVENTORY_COMMANDS;

    private final JsonSerde<OrderCommand> orderCommands = JsonSerdes.orderCommand();
    private final JsonSerde<InventoryCommand> inventoryCommands = JsonSerdes.inventoryCommand();

    @Test
    void nullStaysNullBothWays() {
        assertThat(orderCommands.serialize(ORDERS, null)).isNull();
        assertThat(orderCommands.deserialize(ORDERS, null)).isNull();
    }

    @Test
    void roundTripsAPolymorphicValue() {
        byte[] json = orderCommands.serialize(ORDERS, Samples.placeOrder());

        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"type\":\"PlaceOrder\",");
        assertThat(orderCommands.deserialize(ORDERS, json)).isEqualTo(Samples.placeOrder());
    }

    @Test
    void garbageIsASerializationException() {
        assertUnreadable(orderCommands, new byte[] {(byte) 0xff, 0x00, 0x13});
        assertUnreadable(orderCommands, new byte[0]);
        assertUnreadable(orderCommands, "{\"type\":\"PlaceOrder\",".getBytes(StandardCharsets.UTF_8));
        assertUnreadable(orderCommands, "null".getBytes(StandardCharsets.UTF_8));
        assertUnreadable(orderCommands, "[1,2]".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonThatBreaksTheContractIsASerializationException() {
        assertUnreadable(orderCommands, changed(orderCommands, Samples.placeOrder(), json -> json.putArray("lines")));
        assertUnreadable(orderCommands, changed(orderCommands, Samples.placeOrder(), json -> json.remove("lines")));
        assertUnreadable(orderCommands, changed(orderCommands, Samples.placeOrder(), json -> json.remove("order_id")));
        assertUnreadable(
                orderCommands, changed(orderCommands, Samples.placeOrder(), json -> json.put("type", "PlaceOrderV2")));
        assertUnreadable(
                orderCommands,
                changed(
                        orderCommands,
                        Samples.placeOrder(),
                        json -> ((ObjectNode) json.get("lines").get(0)).put("qty", "-2")));
        assertUnreadable(
                inventoryCommands,
                changed(inventoryCommands, Samples.adjustStock(), json -> json.put("delta", "0.00")));
        assertUnreadable(inventoryCommands, json(orderCommands, Samples.changeOrderStatus()));
    }

    @Test
    void unknownPropertiesAreIgnored() {
        String withExtras = changed(orderCommands, Samples.placeOrder(), json -> {
            json.put("channel", "kiosk");
            ((ObjectNode) json.get("lines").get(0)).putArray("allergens").add("gluten");
        });

        assertThat(withExtras).contains("\"channel\":\"kiosk\"", "\"allergens\":[\"gluten\"]");
        assertThat(orderCommands.deserialize(ORDERS, withExtras.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Samples.placeOrder());
    }

    @Test
    void decimalsKeepTheirScale() {
        AdjustStock read = adjustmentWithDelta("\"2.50\"");

        assertThat(read.delta()).isEqualTo(new BigDecimal("2.50"));
        assertThat(json(inventoryCommands, read)).contains("\"delta\":\"2.50\"");
    }

    @Test
    void exponentNotationIsReadAsItsValueAndWrittenPlain() {
        AdjustStock read = adjustmentWithDelta("\"1E+3\"");

        assertThat(read.delta()).isEqualByComparingTo("1000");
        assertThat(json(inventoryCommands, read)).contains("\"delta\":\"1000\"");
    }

    @Test
    void decimalNumbersAreReadExactly() {
        assertThat(adjustmentWithDelta("0.10").delta()).isEqualTo(new BigDecimal("0.10"));
    }

    @Test
    void instantsAreWrittenInUtcWithAZ() {
        AdjustStock adjustment = new AdjustStock(
                "cmd-1",
                Samples.STORE,
                Samples.PRODUCT,
                BigDecimal.ONE,
                null,
                null,
                Instant.parse("2026-11-25T11:15:30+01:00"));

        assertThat(json(inventoryCommands, adjustment))
                .contains("\"issued_at\":\"2026-11-25T10:15:30Z\"")
                .contains("\"reason\":null");
    }

    private AdjustStock adjustmentWithDelta(String deltaJson) {
        String json = json(inventoryCommands, Samples.adjustStock());
        assertThat(json).contains("\"delta\":\"10\"");
        byte[] changed =
                json.replace("\"delta\":\"10\"", "\"delta\":" + deltaJson).getBytes(StandardCharsets.UTF_8);
        return (AdjustStock) inventoryCommands.deserialize(INVENTORY, changed);
    }

    private static <T> String json(JsonSerde<T> serde, T value) {
        return new String(serde.serialize("any", value), StandardCharsets.UTF_8);
    }

    private static void assertUnreadable(JsonSerde<?> serde, String json) {
        assertUnreadable(serde, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertUnreadable(JsonSerde<?> serde, byte[] data) {
        Throwable thrown = catchThrowable(() -> serde.deserialize("any", data));

        assertThat(thrown).as(new String(data, StandardCharsets.UTF_8)).isInstanceOf(SerializationException.class);
    }

    private static <T> String changed(JsonSerde<T> serde, T sample, Consumer<ObjectNode> change) {
        ObjectNode json = (ObjectNode) PosJson.mapper().readTree(serde.serialize("any", sample));
        change.accept(json);
        return PosJson.mapper().writeValueAsString(json);
    }
}
