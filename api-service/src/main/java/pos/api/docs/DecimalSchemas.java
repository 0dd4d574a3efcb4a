package pos.api.docs;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Iterator;
import pos.api.money.Decimal;

/**
 * Money and quantities as the wire has them: decimal strings that keep their scale. The application's Jackson 3
 * serialisers ({@code PlainDecimalJson}, {@code DecimalJson}) are invisible to springdoc, which would otherwise
 * document a {@link BigDecimal} as a JSON number and a {@link Decimal} as an object.
 */
final class DecimalSchemas implements ModelConverter {

    static final String PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";

    /** A decimal the API writes: plain digits, never an exponent. */
    static Schema<Object> decimalString() {
        return ProblemSchemas.ofType("string")
                .format("decimal")
                .pattern(PATTERN)
                .example("2.50")
                .description("Decimal as a string, scale kept (\"2.50\"), never an exponent");
    }

    /** A decimal a client sends: a string or a JSON number, read from its exact text. */
    static Schema<Object> decimalInput() {
        return ProblemSchemas.ofType("string")
                .format("decimal")
                .example("2.50")
                .description("Decimal as a string (\"2.50\"); a JSON number is accepted too. At most 2 decimal "
                        + "places and 16 integer digits; refused values get \"Format angka tidak didukung (16:2)\"");
    }

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        var javaType = io.swagger.v3.core.util.Json.mapper().constructType(type.getType());
        if (javaType.getRawClass() == BigDecimal.class) {
            return decimalString();
        }
        if (javaType.getRawClass() == Decimal.class) {
            return decimalInput();
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
