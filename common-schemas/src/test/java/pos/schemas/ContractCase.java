package pos.schemas;

import java.util.function.Function;
import java.util.function.Supplier;
import pos.schemas.serde.JsonSerde;

/**
 * One wire type: its sample from {@link Samples}, the serde it travels with and the schema that describes it.
 * {@code schemaFile} is the topic's value schema; a type nested in other values (an order line, a stock level)
 * is checked against its {@code $defs} entry there.
 */
record ContractCase(
        String typeName,
        Object sample,
        Supplier<byte[]> writer,
        Function<byte[], Object> reader,
        String schemaFile,
        boolean nested) {

    static <T> ContractCase onTopic(T sample, String topic, JsonSerde<? super T> serde) {
        return new ContractCase(
                sample.getClass().getSimpleName(),
                sample,
                () -> serde.serialize(topic, sample),
                bytes -> serde.deserialize(topic, bytes),
                SchemaCatalog.fileName(topic),
                false);
    }

    static <T> ContractCase nestedIn(String schemaFile, T sample, JsonSerde<? super T> serde) {
        return new ContractCase(
                sample.getClass().getSimpleName(),
                sample,
                () -> serde.serialize("nested", sample),
                bytes -> serde.deserialize("nested", bytes),
                schemaFile,
                true);
    }

    byte[] serialize() {
        return writer.get();
    }

    Object deserialize(byte[] json) {
        return reader.apply(json);
    }

    /** The schema a golden file must satisfy: the whole topic schema, or the type's own definition. */
    String schemaLocation() {
        String file = SchemaCatalog.ID_BASE + schemaFile;
        return nested ? file + "#/$defs/" + typeName : file;
    }

    @Override
    public String toString() {
        return typeName;
    }
}
