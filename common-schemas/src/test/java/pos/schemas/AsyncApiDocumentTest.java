package pos.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import pos.schemas.Topics.TopicSpec;
import pos.schemas.serde.PosJson;
import tools.jackson.databind.JsonNode;

/**
 * The AsyncAPI document ({@code asyncapi.yaml}) against the code: a channel for every topic of {@link Topics} and
 * every dead-letter topic and for nothing else, with the key, value schema, cleanup policy, producers and
 * consumers that {@link Topics} and {@link SchemaCatalog} declare, one message per wire type of the topic, and
 * operations for each service that writes or reads it.
 */
class AsyncApiDocumentTest {

    /** Producers and consumers outside the backend, who have no operations in the document. */
    private static final Set<String> OUTSIDE = Set.of("downstream", "operators");

    private static JsonNode document;

    @BeforeAll
    static void read() {
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(SchemaCatalog.asyncApi());
        document = PosJson.mapper().valueToTree(yaml);
    }

    static List<TopicSpec> topics() {
        return Topics.all();
    }

    static List<String> deadLetterTopics() {
        return Topics.withDeadLetters();
    }

    @Test
    void isAnAsyncApi3DocumentWithAChannelForEveryTopicAndNothingElse() {
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.path("info").path("title").asString()).isNotBlank();

        var expected = new ArrayList<String>();
        Topics.all().forEach(t -> expected.add(t.name()));
        Topics.withDeadLetters().forEach(t -> expected.add(Topics.deadLetter(t)));
        var addresses = document.path("channels")
                .valueStream()
                .map(c -> c.path("address").asString())
                .toList();
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyTopicConstantIsDocumented() throws Exception {
        var text = SchemaCatalog.asyncApi();
        for (var field : Topics.class.getFields()) {
            if (field.getType() == String.class && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                String topic = (String) field.get(null);
                assertThat(channelFor(topic)).as(field.getName()).isNotNull();
                assertThat(text).contains("address: " + topic + "\n");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void channelDescribesTheTopicAsTheCodeDeclaresIt(TopicSpec topic) {
        JsonNode channel = channelFor(topic.name());
        JsonNode kafka = channel.path("bindings").path("kafka");

        assertThat(kafka.path("topic").asString()).isEqualTo(topic.name());
        assertThat(kafka.path("partitions").asInt()).isPositive();
        assertThat(strings(kafka.path("topicConfiguration").path("cleanup.policy")))
                .containsExactly(topic.compacted() ? "compact" : "delete");
        assertThat(channel.path("x-key").asString()).isEqualTo(topic.key());
        assertThat(channel.path("x-value-type").asString()).isEqualTo(topic.valueType());
        assertThat(channel.path("x-schema").asString()).isEqualTo(schemaPath(topic.name()));
        assertThat(strings(channel.path("x-producers"))).containsExactlyElementsOf(split(topic.producers()));
        assertThat(strings(channel.path("x-consumers"))).containsExactlyElementsOf(split(topic.consumers()));
        assertThat(channel.path("description").asString()).isNotBlank();
        boolean hasDeadLetters = Topics.withDeadLetters().contains(topic.name());
        assertThat(channel.has("x-dead-letter-channel")).isEqualTo(hasDeadLetters);
        if (hasDeadLetters) {
            assertThat(document.path("channels")
                            .path(channel.path("x-dead-letter-channel").asString())
                            .path("address")
                            .asString())
                    .isEqualTo(Topics.deadLetter(topic.name()));
        }
    }

    /** One message per wire type: the records a sealed value type permits, or the value type itself. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void messagesAreTheTopicsWireTypesWithTheirSchemaAndKey(TopicSpec topic) {
        JsonNode channel = channelFor(topic.name());
        Class<?> valueType = ContractCases.serdeByTopic().get(topic.name()).type();
        List<String> wireTypes = WireTypes.namesOf(valueType);

        var payloads = new ArrayList<String>();
        for (JsonNode message : messages(channel)) {
            assertThat(message.path("contentType").asString()).isEqualTo("application/json");
            assertThat(message.path("summary").asString())
                    .as(message.path("name").asString())
                    .isNotBlank();
            String ref = message.path("payload").path("$ref").asString();
            assertPayloadResolves(ref);
            assertThat(ref).startsWith(schemaPath(topic.name()));
            payloads.add(ref);
            assertKeyDocumented(message, topic.key());
        }
        var expected = wireTypes.stream()
                .map(type -> type.equals(topic.valueType())
                        ? schemaPath(topic.name())
                        : schemaPath(topic.name()) + "#/$defs/" + type)
                .toList();
        assertThat(payloads).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(channel.path("messages").propertyNames()).containsExactlyInAnyOrderElementsOf(wireTypes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deadLetterTopics")
    void deadLetterChannelsCarryTheSourceRecordsUnchanged(String source) {
        TopicSpec topic = Topics.all().stream()
                .filter(t -> t.name().equals(source))
                .findFirst()
                .orElseThrow();
        JsonNode channel = channelFor(Topics.deadLetter(source));
        assertThat(strings(channel.path("bindings")
                        .path("kafka")
                        .path("topicConfiguration")
                        .path("cleanup.policy")))
                .containsExactly("delete");
        assertThat(channelFor(source))
                .isEqualTo(document.path("channels")
                        .path(channel.path("x-dead-letters-of").asString()));
        assertThat(channel.path("x-key").asString()).isEqualTo(topic.key());
        assertThat(channel.path("x-value-type").asString()).isEqualTo(topic.valueType());
        assertThat(strings(channel.path("x-consumers"))).containsExactly("operators");
        // whoever dead-letters a record consumes the source topic
        assertThat(split(topic.consumers()).stream()
                        .map(AsyncApiDocumentTest::service)
                        .toList())
                .containsAll(strings(channel.path("x-producers")).stream()
                        .map(AsyncApiDocumentTest::service)
                        .toList());

        List<JsonNode> messages = messages(channel);
        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.path("payload").path("$ref").asString()).isEqualTo(schemaPath(source));
        assertPayloadResolves(message.path("payload").path("$ref").asString());
        assertThat(resolve(message.path("headers").path("$ref").asString())
                        .path("properties")
                        .propertyNames())
                .contains(
                        "kafka_dlt-original-topic",
                        "kafka_dlt-original-partition",
                        "kafka_dlt-original-offset",
                        "kafka_dlt-exception-fqcn",
                        "kafka_dlt-exception-message");
        assertKeyDocumented(message, topic.key());
    }

    /** Each service named as a producer or consumer has its operation on the channel, and no one else does. */
    @Test
    void operationsMatchTheChannelsProducersAndConsumers() {
        Set<String> expected = new HashSet<>();
        document.path("channels").properties().forEach(entry -> {
            JsonNode channel = entry.getValue();
            strings(channel.path("x-producers")).stream()
                    .map(AsyncApiDocumentTest::service)
                    .filter(s -> !OUTSIDE.contains(s))
                    .forEach(s -> expected.add(s + " send " + entry.getKey()));
            strings(channel.path("x-consumers")).stream()
                    .map(AsyncApiDocumentTest::service)
                    .filter(s -> !OUTSIDE.contains(s))
                    .forEach(s -> expected.add(s + " receive " + entry.getKey()));
        });

        Set<String> documented = new HashSet<>();
        document.path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String channelRef = operation.path("channel").path("$ref").asString();
            assertThat(channelRef).as(entry.getKey()).startsWith("#/channels/");
            String channelId = channelRef.substring("#/channels/".length());
            assertThat(resolve(channelRef).isObject()).as(channelRef).isTrue();
            for (JsonNode message : operation.path("messages")) {
                assertThat(message.path("$ref").asString()).as(entry.getKey()).startsWith(channelRef + "/messages/");
                assertThat(resolve(message.path("$ref").asString()).isObject()).isTrue();
            }
            assertThat(operation.path("messages").size()).as(entry.getKey()).isPositive();
            var tags = operation
                    .path("tags")
                    .valueStream()
                    .map(t -> t.path("name").asString())
                    .toList();
            assertThat(tags).as(entry.getKey()).hasSize(1);
            documented.add(tags.get(0) + " " + operation.path("action").asString() + " " + channelId);
        });
        assertThat(documented).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyLocalReferenceResolves() {
        var refs = new ArrayList<String>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(resolve(ref).isMissingNode()).as(ref).isFalse();
            } else {
                assertPayloadResolves(ref);
            }
        }
    }

    @Test
    void aPayloadOfAnUnknownSchemaWouldBeCaught() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> assertPayloadResolves("schemas/Nope.schema.json#/$defs/PlaceOrder"))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> assertPayloadResolves("schemas/OrderCommand.schema.json#/$defs/Nope"))
                .isInstanceOf(AssertionError.class);
    }

    /** {@code schemas/<File>.schema.json[#/$defs/<Type>]}: a file of the catalog, and a definition it has. */
    private static void assertPayloadResolves(String ref) {
        assertThat(ref).startsWith(SchemaCatalog.RESOURCE_DIRECTORY);
        String[] parts =
                ref.substring(SchemaCatalog.RESOURCE_DIRECTORY.length()).split("#", 2);
        assertThat(SchemaCatalog.fileNames()).as(ref).contains(parts[0]);
        JsonNode schema =
                PosJson.mapper().readTree(SchemaCatalog.loadFile(parts[0]).orElseThrow());
        if (parts.length == 2) {
            assertThat(schema.at(parts[1]).isObject()).as(ref).isTrue();
        }
    }

    private static void assertKeyDocumented(JsonNode message, String key) {
        JsonNode keySchema = resolve(
                message.path("bindings").path("kafka").path("key").path("$ref").asString());
        assertThat(keySchema.path("type").asString()).isEqualTo("string");
        assertThat(keySchema.path("description").asString())
                .as(message.path("name").asString())
                .startsWith("The " + key);
    }

    private static JsonNode channelFor(String topic) {
        return document.path("channels")
                .valueStream()
                .filter(c -> c.path("address").asString().equals(topic))
                .findFirst()
                .orElse(null);
    }

    private static List<JsonNode> messages(JsonNode channel) {
        return channel.path("messages")
                .valueStream()
                .map(m -> resolve(m.path("$ref").asString()))
                .toList();
    }

    private static JsonNode resolve(String ref) {
        assertThat(ref).startsWith("#/");
        return document.at(ref.substring(1));
    }

    private static String schemaPath(String topic) {
        return SchemaCatalog.RESOURCE_DIRECTORY + SchemaCatalog.fileName(topic);
    }

    private static List<String> split(String names) {
        return Stream.of(names.split(",")).map(String::strip).toList();
    }

    /** "api-service (read model)" is api-service. */
    private static String service(String name) {
        return name.split(" ")[0];
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> p : node.properties()) {
                if (p.getKey().equals("$ref")) {
                    refs.add(p.getValue().asString());
                } else {
                    collectRefs(p.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
