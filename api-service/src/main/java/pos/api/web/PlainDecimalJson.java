package pos.api.web;

import java.math.BigDecimal;
import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Money and quantities are decimal strings on the wire that keep their scale ("2.50", never 2.5 or 2.5E0). A
 * {@link JacksonComponent}, so web slices write them the same way as the application.
 */
@JacksonComponent
public final class PlainDecimalJson {

    public static final class Writer extends ValueSerializer<BigDecimal> {

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.toPlainString());
        }
    }
}
