package pos.schemas;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/**
 * Validates JSON against the schemas as an integrator would: by {@code $id}, resolved from this module's classpath
 * (the {@code pos.example} host does not exist), with {@code format} asserted rather than only annotated.
 */
final class SchemaValidation {

    static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers ->
                    mappers.mapPrefix(SchemaCatalog.ID_BASE, "classpath:" + SchemaCatalog.RESOURCE_DIRECTORY)));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private SchemaValidation() {}

    /** The messages of every violation; empty when the JSON is valid. */
    static List<String> violations(String schemaLocation, String json) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(schemaLocation), CONFIG);
        return schema.validate(json, InputFormat.JSON).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    static String topicSchema(String topic) {
        return SchemaCatalog.ID_BASE + SchemaCatalog.fileName(topic);
    }
}
