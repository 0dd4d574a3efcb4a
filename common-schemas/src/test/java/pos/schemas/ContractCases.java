package pos.schemas;

import static pos.schemas.ContractCase.nestedIn;
import static pos.schemas.ContractCase.onTopic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderLine;
import pos.schemas.value.Shortage;
import pos.schemas.value.StockLevel;

/** Every concrete wire type, each serialized the way its producers do: through the topic's serde. */
final class ContractCases {

    private ContractCases() {}

    static List<ContractCase> all() {
        return List.of(
                onTopic(Samples.placeOrder(), Topics.ORDER_COMMANDS, JsonSerdes.orderCommand()),
                onTopic(Samples.changeOrderStatus(), Topics.ORDER_COMMANDS, JsonSerdes.orderCommand()),
                onTopic(Samples.expirePlacement(), Topics.ORDER_COMMANDS, JsonSerdes.orderCommand()),
                onTopic(Samples.expirePlacements(), Topics.ORDER_COMMANDS, JsonSerdes.orderCommand()),
                onTopic(Samples.orderStatusChanged(), Topics.ORDER_EVENTS, JsonSerdes.orderEvent()),
                onTopic(Samples.orderSnapshot(), Topics.ORDER_STATE, JsonSerdes.orderSnapshot()),
                onTopic(Samples.adjustStock(), Topics.INVENTORY_COMMANDS, JsonSerdes.inventoryCommand()),
                onTopic(Samples.countStock(), Topics.INVENTORY_COMMANDS, JsonSerdes.inventoryCommand()),
                onTopic(Samples.stockChanged(), Topics.INVENTORY_EVENTS, JsonSerdes.inventoryEvent()),
                onTopic(Samples.stockLevelLow(), Topics.INVENTORY_EVENTS, JsonSerdes.inventoryEvent()),
                onTopic(Samples.orderCommandReply(), Topics.COMMAND_REPLIES, JsonSerdes.commandReply()),
                onTopic(Samples.stockCommandReply(), Topics.COMMAND_REPLIES, JsonSerdes.commandReply()),
                onTopic(Samples.productChanged(), Topics.CATALOG_PRODUCTS, JsonSerdes.catalogEvent()),
                onTopic(Samples.storeSettings(), Topics.STORE_SETTINGS, JsonSerdes.storeSettings()),
                nestedIn("InventoryEvent.schema.json", Samples.stockLevel(), JsonSerdes.of(StockLevel.class)),
                nestedIn("OrderCommand.schema.json", Samples.lines().get(0), JsonSerdes.of(OrderLine.class)),
                nestedIn("OrderSnapshot.schema.json", Samples.shortage(), JsonSerdes.of(Shortage.class)));
    }

    static ContractCase named(String typeName) {
        return all().stream()
                .filter(c -> c.typeName().equals(typeName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no contract case " + typeName));
    }

    /** The serde of each topic's values, by topic name; its type is the value type the schema describes. */
    static Map<String, JsonSerde<?>> serdeByTopic() {
        var serdes = new LinkedHashMap<String, JsonSerde<?>>();
        serdes.put(Topics.ORDER_COMMANDS, JsonSerdes.orderCommand());
        serdes.put(Topics.ORDER_EVENTS, JsonSerdes.orderEvent());
        serdes.put(Topics.ORDER_STATE, JsonSerdes.orderSnapshot());
        serdes.put(Topics.INVENTORY_COMMANDS, JsonSerdes.inventoryCommand());
        serdes.put(Topics.INVENTORY_EVENTS, JsonSerdes.inventoryEvent());
        serdes.put(Topics.COMMAND_REPLIES, JsonSerdes.commandReply());
        serdes.put(Topics.CATALOG_PRODUCTS, JsonSerdes.catalogEvent());
        serdes.put(Topics.STORE_SETTINGS, JsonSerdes.storeSettings());
        return serdes;
    }
}
