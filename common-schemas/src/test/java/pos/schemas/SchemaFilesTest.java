package pos.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.schemas.SchemaValidation.violations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pos.schemas.Topics.TopicSpec;
import pos.schemas.serde.PosJson;
import tools.jackson.databind.JsonNode;

/** The schema files themselves: valid, self-contained, consistent with each other and with the sealed types. */
class SchemaFilesTest {

    static List<TopicSpec> topics() {
        return Topics.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void schemaDescribesEverySubtypeOfTheTopicsValueType(TopicSpec topic) {
        JsonNode schema = schemaOf(topic.name());
        Class<?> valueType = ContractCases.serdeByTopic().get(topic.name()).type();
        assertThat(valueType.getSimpleName()).isEqualTo(topic.valueType());

        if (valueType.isSealed()) {
            List<String> subtypes = WireTypes.namesOf(valueType);
            assertThat(schema.path("oneOf")
                            .valueStream()
                            .map(s -> s.path("$ref").asString()))
                    .containsExactlyInAnyOrderElementsOf(
                            subtypes.stream().map(s -> "#/$defs/" + s).toList());
            for (String subtype : subtypes) {
                JsonNode definition = schema.path("$defs").path(subtype);
                assertThat(definition
                                .path("properties")
                                .path("type")
                                .path("const")
                                .asString())
                        .isEqualTo(subtype);
                assertThat(definition.path("required").valueStream().map(JsonNode::asString))
                        .contains("type");
                assertThat(definition.path("description").asString())
                        .as(subtype)
                        .isNotBlank();
            }
        } else {
            assertThat(schema.path("$ref").asString()).isEqualTo("#/$defs/" + valueType.getSimpleName());
        }
    }

    @Test
    void everySchemaIsAValidDraft202012Schema() {
        for (String file : SchemaCatalog.fileNames()) {
            assertThat(violations(
                            SchemaValidation.META_SCHEMA,
                            SchemaCatalog.loadFile(file).orElseThrow()))
                    .as(file)
                    .isEmpty();
        }
        assertThat(violations(SchemaValidation.META_SCHEMA, "{\"type\": \"strng\"}"))
                .isNotEmpty();
    }

    @Test
    void everySchemaIsSelfContained() {
        for (String file : SchemaCatalog.fileNames()) {
            JsonNode schema =
                    PosJson.mapper().readTree(SchemaCatalog.loadFile(file).orElseThrow());
            for (String ref : refs(schema, new ArrayList<>())) {
                assertThat(ref).as("$ref in %s", file).startsWith("#/$defs/");
                assertThat(schema.path("$defs").has(ref.substring("#/$defs/".length())))
                        .as("%s in %s", ref, file)
                        .isTrue();
            }
        }
    }

    @Test
    void sharedDefinitionsAreTheSameInEveryFile() {
        Map<String, JsonNode> first = new HashMap<>();
        Map<String, String> firstFile = new HashMap<>();
        for (String file : SchemaCatalog.fileNames()) {
            JsonNode definitions = PosJson.mapper()
                    .readTree(SchemaCatalog.loadFile(file).orElseThrow())
                    .path("$defs");
            for (var definition : definitions.properties()) {
                String name = definition.getKey();
                first.putIfAbsent(name, definition.getValue());
                firstFile.putIfAbsent(name, file);
                assertThat(definition.getValue())
                        .as("$defs/%s in %s and in %s", name, file, firstFile.get(name))
                        .isEqualTo(first.get(name));
            }
        }
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
}
