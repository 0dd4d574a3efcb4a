package pos.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.schemas.SchemaValidation.violations;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pos.schemas.Topics.TopicSpec;
import pos.schemas.command.ExpirePlacements;
import pos.schemas.serde.PosJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The published JSON Schemas accept exactly what the producers write and reject what breaks the contract. */
class JsonSchemasTest {

    static List<ContractCase> cases() {
        return ContractCases.all();
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
                .containsExactlyElementsOf(
                        Topics.all().stream().map(TopicSpec::name).toList());

        for (TopicSpec topic : Topics.all()) {
            String path = SchemaCatalog.resourcePath(topic.name());
            assertThat(getClass().getClassLoader().getResource(path)).as(path).isNotNull();
            JsonNode schema = PosJson.mapper().readTree(SchemaCatalog.load(topic.name()));
            assertThat(schema.path("$schema").asString()).isEqualTo(SchemaValidation.META_SCHEMA);
            assertThat(schema.path("$id").asString())
                    .isEqualTo(SchemaCatalog.ID_BASE + topic.valueType() + SchemaCatalog.FILE_SUFFIX);
            assertThat(schema.path("title").asString()).isEqualTo(topic.valueType());
            assertThat(schema.path("description").asString()).isNotBlank();
            assertThat(schema.path("x-topic").asString()).isEqualTo(topic.name());
            assertThat(schema.path("x-key").asString()).isEqualTo(topic.key());
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

        assertThat(violations(SchemaValidation.topicSchema(Topics.INVENTORY_COMMANDS), changeOrderStatus))
                .isNotEmpty();
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
        assertRejected("ExpirePlacement", json -> json.put("order_id", "65b00000000000000000000z"));
        assertRejected("ExpirePlacement", json -> json.put("issued_at", "2026-11-25T11:15:30.123+01:00"));
        assertRejected("ExpirePlacement", json -> json.put("issued_at", "2026-11-25 10:15:30"));
    }

    @Test
    void rejectsABatchOfExpiriesThatIsEmptyTooLargeRepeatedOrMalformed() {
        assertRejected("ExpirePlacements", json -> json.putArray("order_ids"));
        assertRejected("ExpirePlacements", json -> {
            ArrayNode ids = json.putArray("order_ids");
            for (int i = 0; i <= ExpirePlacements.MAX_ORDERS; i++) {
                ids.add(String.format("65b%021d", i));
            }
        });
        assertRejected("ExpirePlacements", json -> ((ArrayNode) json.get("order_ids")).add(Samples.ORDER));
        assertRejected("ExpirePlacements", json -> ((ArrayNode) json.get("order_ids")).add("65b00000000000000000000z"));
        assertRejected("ExpirePlacements", json -> json.put("order_id", Samples.ORDER));
    }

    /** The untouched golden file passes, so only the mutation can be what fails. */
    private static void assertRejected(String typeName, Consumer<ObjectNode> mutation) {
        ContractCase contract = ContractCases.named(typeName);
        ObjectNode json = (ObjectNode) GoldenFiles.readTree(typeName);
        assertThat(violations(contract.schemaLocation(), json(json)))
                .as("untouched %s", typeName)
                .isEmpty();

        mutation.accept(json);

        assertThat(violations(contract.schemaLocation(), json(json)))
                .as("%s changed to %s", typeName, json)
                .isNotEmpty();
    }

    private static ObjectNode line(ObjectNode order, int index) {
        return (ObjectNode) order.get("lines").get(index);
    }

    private static String json(JsonNode node) {
        return PosJson.mapper().writeValueAsString(node);
    }
}
