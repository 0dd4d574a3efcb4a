package pos.orderprocessor.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import pos.schemas.serde.PosJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads from an order command only what the deadline needs: whether it is a placement and, if so, its order and store
 * ids. It stops reading as soon as it knows: for a placement at its store id (the lines come after it as the API
 * writes them), for any other command at its type, so neither a placement's lines nor the order ids of the deadline's
 * own {@code ExpirePlacements} are parsed here. Fields may come in any order; those not needed are skipped unparsed.
 * <p>
 * Returns null for a command that is not a placement. A record it cannot read (not a JSON object, no type, a
 * placement without its order or store id) raises {@link SerializationException}, which the deserialization
 * handler dead-letters. A placement whose remaining fields break the contract is read here all the same, so it gets
 * its deadline: the ledger dead-letters it, and the deadline then rejects the order as not decided in time instead of
 * leaving it pending.
 */
final class PlacementReader implements Deserializer<PendingPlacement> {

    /** The type name of {@code PlaceOrder} on the wire ({@code OrderCommand}'s {@code @JsonSubTypes}). */
    static final String PLACE_ORDER = "PlaceOrder";

    private final JsonMapper mapper = PosJson.mapper();

    /**
     * For the topology's source. Its serializer writes a placement as the smallest command this reads back as the
     * same placement (its type and ids); the topology itself never writes one, it writes whole commands.
     */
    static Serde<PendingPlacement> serde() {
        var reader = new PlacementReader();
        return Serdes.serdeFrom(reader::write, reader);
    }

    byte[] write(String topic, PendingPlacement placement) {
        if (placement == null) {
            return null;
        }
        var header = new LinkedHashMap<String, String>();
        header.put("type", PLACE_ORDER);
        header.put("order_id", placement.orderId());
        header.put("store_id", placement.storeId());
        try {
            return mapper.writeValueAsBytes(header);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write a placement for " + topic, e);
        }
    }

    @Override
    public PendingPlacement deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try (var parser = mapper.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw unreadable(topic, "not a JSON object");
            }
            String type = null;
            String orderId = null;
            String storeId = null;
            for (var token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                var name = parser.currentName();
                var value = parser.nextToken();
                switch (name) {
                    case "type" -> type = text(topic, parser, name, value);
                    case "order_id" -> orderId = text(topic, parser, name, value);
                    case "store_id" -> storeId = text(topic, parser, name, value);
                    default -> parser.skipChildren();
                }
                if (type != null && !type.equals(PLACE_ORDER)) {
                    return null;
                }
                if (type != null && orderId != null && storeId != null) {
                    return placement(topic, orderId, storeId);
                }
            }
            if (type == null) {
                throw unreadable(topic, "no type");
            }
            return placement(topic, orderId, storeId);
        } catch (JacksonException e) {
            throw unreadable(topic, e.getOriginalMessage());
        }
    }

    private static String text(String topic, JsonParser parser, String name, JsonToken value) {
        if (value != JsonToken.VALUE_STRING) {
            throw unreadable(topic, name + " is not a string");
        }
        return parser.getString();
    }

    private static PendingPlacement placement(String topic, String orderId, String storeId) {
        if (orderId == null || orderId.isEmpty() || storeId == null || storeId.isEmpty()) {
            throw unreadable(topic, "a PlaceOrder needs its order_id and store_id");
        }
        return new PendingPlacement(orderId, storeId);
    }

    private static SerializationException unreadable(String topic, String why) {
        return new SerializationException("cannot read OrderCommand from " + topic + ": " + why);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the wire format is fixed by the contract
    }
}
