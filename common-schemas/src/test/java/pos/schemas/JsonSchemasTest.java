package pos.schemas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pos.schemas.Topics.TopicSpec;
import pos.schemas.serde.PosJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.schemas.SchemaValidation.violations;

/** The published JSON Schemas accept exactly what the producers write and reject what breaks the contract. */
class JsonSchemasTest {

    static List<ContractCase> cases() {
        return ContractCases.all();
    }

    static List<TopicSpec> topics() {
        return Topics.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void goldenFileSatisfiesItsSchema(ContractCase contract) {
        String golden = json(GoldenFiles.readTree(contract.typeName()));

        assertThat(violations(contract.schemaLocation(), golden)).isEmpty();
    }

    @Test
    void everyTopicHasASchemaInTheCatalog() {
        assertThat(SchemaCatalog.resourcePathsByTopic().keySet())
                .containsExactlyElementsOf(Topics.all().stream().map(TopicSpec::name).toList());

        for (TopicSpec topic : Topics.all()) {
            String path = SchemaCatalog.resourcePath(topic.name());
            assertThat(getClass().getClassLoader().getResource(path)).as(path).isNotNull();
            JsonNode schema = PosJson.mapper().readTree(SchemaCatalog.load(topic.name()));
            assertThat(schema.path("$schema").asString()).isEqualTo(SchemaValidation.META_SCHEMA);
            assertThat(schema.path("$id").asString()).isEqualTo(SchemaCatalog.ID_BASE + topic.valueType()
                    + SchemaCatalog.FILE_SUFFIX);
            assertThat(schema.path("title").asString()).isEqualTo(topic.valueType());
            assertThat(schema.path("description").asString()).isNotBlank();
            assertThat(schema.path("x-topic").asString()).isEqualTo(topic.name());
            assertThat(schema.path("x-key").asString()).isEqualTo(topic.key());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void schemaDescribesEverySubtypeOfTheTopicsValueType(TopicSpec topic) {
        JsonNode schema = schemaOf(topic.name());
        Class<?> valueType = ContractCases.serdeByTopic().get(topic.name()).type();
        assertThat(valueType.getSimpleName()).isEqualTo(topic.valueType());

        if (valueType.isSealed()) {
            List<String> subtypes = Arrays.stream(valueType.getPermittedSubclasses()).map(Class::getSimpleName).toList();
            assertThat(schema.path("oneOf").valueStream().map(s -> s.path("$ref").asString()))
                    .containsExactlyInAnyOrderElementsOf(subtypes.stream().map(s -> "#/$defs/" + s).toList());
            for (String subtype : subtypes) {
                JsonNode definition = schema.path("$defs").path(subtype);
                assertThat(definition.path("properties").path("type").path("const").asString()).isEqualTo(subtype);
                assertThat(definition.path("required").valueStream().map(JsonNode::asString)).contains("type");
                assertThat(definition.path("description").asString()).as(subtype).isNotBlank();
            }
        } else {
            assertThat(schema.path("$ref").asString()).isEqualTo("#/$defs/" + valueType.getSimpleName());
        }
    }

    @Test
    void everySchemaIsAValidDraft202012Schema() {
        for (String file : SchemaCatalog.fileNames()) {
            assertThat(violations(SchemaValidation.META_SCHEMA, SchemaCatalog.loadFile(file).orElseThrow()))
                    .as(file).isEmpty();
        }
        assertThat(violations(SchemaValidation.META_SCHEMA, "{\"type\": \"strng\"}")).isNotEmpty();
    }

    @Test
    void everySchemaIsSelfContained() {
        for (String file : SchemaCatalog.fileNames()) {
            JsonNode schema = PosJson.mapper().readTree(SchemaCatalog.loadFile(file).orElseThrow());
            for (String ref : refs(schema, new ArrayList<>())) {
                assertThat(ref).as("$ref in %s", file).startsWith("#/$defs/");
                assertThat(schema.path("$defs").has(ref.substring("#/$defs/".length()))).as("%s in %s", ref, file)
                        .isTrue();
            }
        }
    }

    @Test
    void sharedDefinitionsAreTheSameInEveryFile() {
        Map<String, JsonNode> first = new HashMap<>();
        Map<String, String> firstFile = new HashMap<>();
        for (String file : SchemaCatalog.fileNames()) {
            JsonNode definitions = PosJson.mapper().readTree(SchemaCatalog.loadFile(file).orElseThrow()).path("$defs");
            for (var definition : definitions.properties()) {
                String name = definition.getKey();
                first.putIfAbsent(name, definition.getValue());
                firstFile.putIfAbsent(name, file);
                assertThat(definition.getValue()).as("$defs/%s in %s and in %s", name, file, firstFile.get(name))
                        .isEqualTo(first.get(name));
            }
        }
    }

    @Test
    void rejectsAMissingRequiredProperty() {
        assertRejected("PlaceOrder", json -> json.remove("order_id"));
        assertRejected("OrderStatusChanged", json -> ((ObjectNode) json.get("order")).remove("status"));
    }

    @Test
    void rejectsANumberInsteadOfADecimalString() {
        assertRejected("AdjustStock", json -> json.put("delta", 10));
        assertRejected("PlaceOrder", json -> line(json, 0).put("unit_price", 3.5));
    }

    @Test
    void rejectsDecimalsThatAreNotPlain() {
        assertRejected("AdjustStock", json -> json.put("delta", "1E+3"));
        assertRejected("ProductChanged", json -> json.put("price", "3,50"));
    }

    @Test
    void rejectsAnUnknownType() {
        assertRejected("PlaceOrder", json -> json.put("type", "PlaceOrderV2"));
        assertRejected("PlaceOrder", json -> json.remove("type"));
    }

    @Test
    void rejectsATypeOfAnotherTopic() {
        String changeOrderStatus = json(GoldenFiles.readTree("ChangeOrderStatus"));

        assertThat(violations(SchemaValidation.topicSchema(Topics.INVENTORY_COMMANDS), changeOrderStatus)).isNotEmpty();
    }

    @Test
    void rejectsAnExtraProperty() {
        assertRejected("PlaceOrder", json -> json.put("discount", "1.00"));
        assertRejected("StockChanged", json -> ((ObjectNode) json.get("stock")).put("location", "aisle 3"));
    }

    @Test
    void rejectsNullWhereTheRecordRequiresAValue() {
        assertRejected("OrderStatusChanged", json -> json.putNull("status"));
        assertRejected("StockCommandReply", json -> json.putNull("outcome"));
    }

    @Test
    void rejectsValuesOutsideTheirRange() {
        assertRejected("PlaceOrder", json -> ((ArrayNode) json.get("lines")).removeAll());
        assertRejected("PlaceOrder", json -> line(json, 0).put("qty", "0.00"));
        assertRejected("AdjustStock", json -> json.put("delta", "-0.0"));
        assertRejected("OrderStatusChanged", json -> json.put("sequence", 0));
        assertRejected("ChangeOrderStatus", json -> json.put("status", "shipped"));
    }

    @Test
    void rejectsMalformedIdsAndInstants() {
        assertRejected("ReleaseStock", json -> json.put("order_id", "65b00000000000000000000z"));
        assertRejected("ReleaseStock", json -> json.put("issued_at", "2026-11-25T11:15:30.123+01:00"));
        assertRejected("ReleaseStock", json -> json.put("issued_at", "2026-11-25 10:15:30"));
    }

    /** The untouched golden file passes, so only the mutation can be what fails. */
    private static void assertRejected(String typeName, Consumer<ObjectNode> mutation) {
        ContractCase contract = ContractCases.named(typeName);
        ObjectNode json = (ObjectNode) GoldenFiles.readTree(typeName);
        assertThat(violations(contract.schemaLocation(), json(json))).as("untouched %s", typeName).isEmpty();

        mutation.accept(json);

        assertThat(violations(contract.schemaLocation(), json(json))).as("%s changed to %s", typeName, json)
                .isNotEmpty();
    }

    private static ObjectNode line(ObjectNode order, int index) {
        return (ObjectNode) order.get("lines").get(index);
    }

    private static JsonNode schemaOf(String topic) {
        return PosJson.mapper().readTree(SchemaCatalog.load(topic));
    }

    private static List<String> refs(JsonNode node, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(p -> {
                if (p.getKey().equals("$ref")) {
                    found.add(p.getValue().asString());
                } else {
                    refs(p.getValue(), found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> refs(element, found));
        }
        return found;
    }

    private static String json(JsonNode node) {
        return PosJson.mapper().writeValueAsString(node);
    }
}
