package pos.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pos.schemas.SchemaValidation.violations;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pos.schemas.serde.PosJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps each schema definition in step with its record: same properties in wire order, {@code required} exactly
 * where the record refuses a missing value, and null allowed exactly where the record accepts it.
 */
class SchemaMatchesRecordsTest {

    /**
     * Lists the records turn from null into an empty list: every producer writes them, so the schema requires
     * them, but a reader tolerates their absence.
     */
    private static final Set<String> ALWAYS_WRITTEN_LISTS = Set.of(
            "OrderSnapshot.lines",
            "OrderSnapshot.shortages",
            "OrderCommandReply.allowed_next",
            "OrderCommandReply.stock");

    static List<ContractCase> cases() {
        return ContractCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void definitionListsTheWrittenPropertiesInOrder(ContractCase contract) {
        JsonNode golden = GoldenFiles.readTree(contract.typeName());
        JsonNode definition = definitionOf(contract);

        assertThat(definition.path("properties").propertyNames()).containsExactlyElementsOf(golden.propertyNames());
        assertThat(definition.path("additionalProperties").isBoolean()).isTrue();
        assertThat(definition.path("additionalProperties").asBoolean()).isFalse();
        assertThat(definition.path("description").asString()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void requiredPropertiesAreTheOnesTheRecordCannotDoWithout(ContractCase contract) {
        for (String property : required(contract)) {
            ObjectNode json = goldenCopy(contract);
            json.remove(property);

            assertThat(violations(contract.schemaLocation(), write(json)))
                    .as("schema without %s", property)
                    .isNotEmpty();
            if (ALWAYS_WRITTEN_LISTS.contains(contract.typeName() + "." + property)) {
                assertThatCode(() -> contract.deserialize(bytes(json))).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> contract.deserialize(bytes(json)))
                        .as("reader without %s", property)
                        .isInstanceOf(SerializationException.class);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void optionalPropertiesAreTheOnesTheRecordAcceptsAsNull(ContractCase contract) {
        List<String> required = required(contract);
        for (String property : goldenCopy(contract).propertyNames()) {
            if (required.contains(property)) {
                continue;
            }
            ObjectNode json = goldenCopy(contract);
            json.putNull(property);

            assertThat(violations(contract.schemaLocation(), write(json)))
                    .as("schema with %s null", property)
                    .isEmpty();
            assertThatCode(() -> contract.deserialize(bytes(json)))
                    .as("reader with %s null", property)
                    .doesNotThrowAnyException();
        }
    }

    private static JsonNode definitionOf(ContractCase contract) {
        JsonNode schema = PosJson.mapper()
                .readTree(SchemaCatalog.loadFile(contract.schemaFile()).orElseThrow());
        JsonNode definition = schema.path("$defs").path(contract.typeName());
        assertThat(definition.isObject())
                .as("$defs/%s in %s", contract.typeName(), contract.schemaFile())
                .isTrue();
        return definition;
    }

    private static List<String> required(ContractCase contract) {
        return definitionOf(contract)
                .path("required")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    private static ObjectNode goldenCopy(ContractCase contract) {
        return (ObjectNode) GoldenFiles.readTree(contract.typeName());
    }

    private static String write(JsonNode json) {
        return PosJson.mapper().writeValueAsString(json);
    }

    private static byte[] bytes(JsonNode json) {
        return write(json).getBytes(StandardCharsets.UTF_8);
    }
}
