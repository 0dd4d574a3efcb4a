package pos.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaCatalogTest {

    @Test
    void namesTheSchemaAfterTheTopicsValueType() {
        assertThat(SchemaCatalog.resourcePath(Topics.ORDER_EVENTS)).isEqualTo("schemas/OrderEvent.schema.json");
        assertThat(SchemaCatalog.fileName(Topics.COMMAND_REPLIES)).isEqualTo("CommandReply.schema.json");
        assertThat(SchemaCatalog.resourcePathsByTopic())
                .containsEntry(Topics.CATALOG_PRODUCTS, "schemas/CatalogEvent.schema.json")
                .hasSize(Topics.all().size());
    }

    @Test
    void listsEachSchemaFileOnce() {
        assertThat(SchemaCatalog.fileNames())
                .doesNotHaveDuplicates()
                .contains("OrderCommand.schema.json", "OrderSnapshot.schema.json", "InventoryEvent.schema.json")
                .hasSize(Topics.all().size());
    }

    @Test
    void loadsTheSchemaText() {
        assertThat(SchemaCatalog.load(Topics.INVENTORY_EVENTS))
                .contains("\"$id\": \"https://pos.example/schemas/InventoryEvent.schema.json\"");
        assertThat(SchemaCatalog.loadFile("InventoryEvent.schema.json"))
                .contains(SchemaCatalog.load(Topics.INVENTORY_EVENTS));
    }

    @Test
    void refusesAnUnknownTopic() {
        assertThatThrownBy(() -> SchemaCatalog.resourcePath("pos.orders.events.v2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pos.orders.events.v2");
        assertThatThrownBy(() -> SchemaCatalog.load(Topics.deadLetter(Topics.ORDER_EVENTS)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadsOnlyListedFiles() {
        assertThat(SchemaCatalog.loadFile("../pos/schemas/Topics.class")).isEmpty();
        assertThat(SchemaCatalog.loadFile("OrderEvent.schema.json/../../pos/schemas/Topics.class"))
                .isEmpty();
        assertThat(SchemaCatalog.loadFile("Unknown.schema.json")).isEmpty();
        assertThat(SchemaCatalog.loadFile(null)).isEmpty();
    }
}
