package pos.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Kafka serde for one contract type. A record that cannot be read raises {@link SerializationException}, which
 * the consumers' deserialization handlers route to the topic's dead-letter topic. Null stays null (tombstones).
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;
    private final JsonMapper mapper;
    /** Bound to the type once: a reader per call resolved the type and its deserializer on every record. */
    private final ObjectReader reader;

    public JsonSerde(Class<T> type) {
        this(type, PosJson.mapper());
    }

    JsonSerde(Class<T> type, JsonMapper mapper) {
        this.type = type;
        this.mapper = mapper;
        this.reader = mapper.readerFor(type);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic, e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            T value = reader.readValue(data);
            if (value == null) {
                throw new SerializationException("empty " + type.getSimpleName() + " on " + topic);
            }
            return value;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // IllegalArgument/NullPointer come from the records' compact constructors: the JSON parsed but
            // breaks the contract, which is just as unreadable.
            throw new SerializationException(
                    "cannot read " + type.getSimpleName() + " from " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the mapper is fixed by the contract
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    public Class<T> type() {
        return type;
    }
}
