package pos.orderprocessor.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import pos.schemas.serde.JsonSerde;

/**
 * How the deadline store keeps a placement. The key is its deadline in zero-padded epoch milliseconds, a {@code |},
 * then its order id, so that the store's byte order is deadline order and a punctuation reads only what is due. The
 * value is its store id: one marker byte, then the id in UTF-8. Entries written before the marker are the JSON of
 * {@link PendingPlacement} and are read for their store id, so a deadline store restored from an older changelog
 * expires the same placements.
 */
final class DeadlineEntries {

    private static final int DEADLINE_DIGITS = 19;
    private static final byte STORE_ID_MARKER = 1;
    private static final JsonSerde<PendingPlacement> OLDER_ENTRIES = new JsonSerde<>(PendingPlacement.class);

    /** The store's values: never a JSON object, which opens with {@code '{'}. */
    static final Serde<String> STORE_IDS = Serdes.serdeFrom(
            (topic, storeId) -> storeId == null ? null : write(storeId), (topic, bytes) -> read(topic, bytes));

    private DeadlineEntries() {}

    static String key(Instant due, String orderId) {
        var millis = Long.toString(Math.max(0, due.toEpochMilli()));
        return "0".repeat(DEADLINE_DIGITS - millis.length()) + millis + '|' + orderId;
    }

    /** The order id of a key made by {@link #key}. */
    static String orderIdOf(String key) {
        return key.substring(DEADLINE_DIGITS + 1);
    }

    private static byte[] write(String storeId) {
        var id = storeId.getBytes(StandardCharsets.UTF_8);
        var bytes = new byte[id.length + 1];
        bytes[0] = STORE_ID_MARKER;
        System.arraycopy(id, 0, bytes, 1, id.length);
        return bytes;
    }

    private static String read(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length > 0 && bytes[0] == STORE_ID_MARKER) {
            return new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
        }
        return OLDER_ENTRIES.deserialize(topic, bytes).storeId();
    }
}
