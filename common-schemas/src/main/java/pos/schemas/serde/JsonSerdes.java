package pos.schemas.serde;

import pos.schemas.command.InventoryCommand;
import pos.schemas.command.OrderCommand;
import pos.schemas.event.CatalogEvent;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.OrderEvent;
import pos.schemas.reply.CommandReply;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.StoreSettings;

/** One serde per topic value type. */
public final class JsonSerdes {

    private JsonSerdes() {}

    public static JsonSerde<OrderCommand> orderCommand() {
        return new JsonSerde<>(OrderCommand.class);
    }

    public static JsonSerde<OrderEvent> orderEvent() {
        return new JsonSerde<>(OrderEvent.class);
    }

    public static JsonSerde<OrderSnapshot> orderSnapshot() {
        return new JsonSerde<>(OrderSnapshot.class);
    }

    public static JsonSerde<InventoryCommand> inventoryCommand() {
        return new JsonSerde<>(InventoryCommand.class);
    }

    public static JsonSerde<InventoryEvent> inventoryEvent() {
        return new JsonSerde<>(InventoryEvent.class);
    }

    public static JsonSerde<CommandReply> commandReply() {
        return new JsonSerde<>(CommandReply.class);
    }

    public static JsonSerde<CatalogEvent> catalogEvent() {
        return new JsonSerde<>(CatalogEvent.class);
    }

    public static JsonSerde<StoreSettings> storeSettings() {
        return new JsonSerde<>(StoreSettings.class);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }
}
