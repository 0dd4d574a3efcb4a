package pos.api.money;

import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON binding of {@link Decimal}: a string or a number is read from its exact text (so {@code 2.50} keeps its
 * scale), anything else (boolean, object, array) becomes an invalid decimal instead of a parse error, so the
 * request fails validation with the field named. {@code null} stays {@code null}: required fields say so with
 * {@code @NotNull} (or their own check). Written back as a plain decimal string.
 *
 * <p>A {@link JacksonComponent}, so Boot registers it with the application's JsonMapper and {@code @WebMvcTest}
 * slices pick it up too; {@link #module()} serves plain mappers.
 */
@JacksonComponent
public final class DecimalJson {

    /**
     * Jackson refuses a number token of more than 1,000 digits while it tokenizes, before any field is known, so
     * the problem could not name the field. Reading such a token is linear and costs no more than a string of the
     * same length (bodies are capped at 1 MB before Jackson sees them); {@link Decimal} then refuses it by its own
     * length cap, with the field named. Every request field that takes a number is a {@code Decimal}. Set here,
     * before Boot builds its JsonMapper, because that mapper's stream factory takes the process-wide default.
     */
    static final int MAX_NUMBER_TOKEN_LENGTH = 4 * 1024 * 1024;

    static {
        StreamReadConstraints.overrideDefaultStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_TOKEN_LENGTH)
                .build());
    }

    public static SimpleModule module() {
        return new SimpleModule("pos-decimal")
                .addDeserializer(Decimal.class, new Reader())
                .addSerializer(Decimal.class, new Writer());
    }

    public static final class Reader extends ValueDeserializer<Decimal> {

        @Override
        public Decimal deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            return switch (token) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Decimal.parse(p.getString());
                case START_OBJECT, START_ARRAY -> {
                    p.skipChildren();
                    yield Decimal.invalid(token == JsonToken.START_OBJECT ? "{...}" : "[...]");
                }
                default -> Decimal.invalid(String.valueOf(p.getString()));
            };
        }
    }

    public static final class Writer extends ValueSerializer<Decimal> {

        @Override
        public void serialize(Decimal value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.isValid() ? value.value().toPlainString() : value.input());
        }
    }
}
