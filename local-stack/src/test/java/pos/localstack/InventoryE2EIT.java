package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.stock;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pos.testing.ApiClient;

/** Stock through the API: adjustments decided by inventory-processor, reads from the projected read model. */
class InventoryE2EIT {

    final String store = newStore();

    @Test
    void adjustmentsAnswerTheStockAfterTheChange() {
        var product = newProduct("1.00");
        var added = adjust(product, "12.5");
        var removed = adjust(product, "-2.5");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("ok").asBoolean()).isTrue();
        assertThat(added.json().get("item").get("qty").asString()).isEqualTo("12.5");
        assertThat(added.json().get("item").get("version").asLong()).isEqualTo(1);
        assertThat(removed.json().get("item").get("qty").asString()).isEqualTo("10.0");
        assertThat(removed.json().get("item").get("version").asLong()).isEqualTo(2);
        assertThat(removed.json().get("item").get("updated_at").asString()).endsWith("Z");
    }

    @Test
    void stockNeverGoesBelowZero() {
        var product = newProduct("1.00");
        adjust(product, "3");

        var refused = adjust(product, "-4");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo("Insufficient stock");
        assertThat(item(product).get("qty").asString()).isEqualTo("3");
    }

    @Test
    void badAdjustmentsAreClientErrors() {
        var product = newProduct("1.00");
        assertThat(adjust(product, "0").status()).isEqualTo(400);
        assertThat(adjust(product, "0.001").status()).isEqualTo(400);
        assertThat(adjust(product, "abc").status()).isEqualTo(400);
        assertThat(adjust("65d0000000000000000000ff", "1").status()).isEqualTo(404);
        assertThat(adjust("nope", "1").status()).isEqualTo(400);
        assertThat(admin().post("/stores/nope/inventory/adjust", Map.of("product_id", product, "delta", "1"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void listsTheStoresStockWithLowStockFilter() {
        var plenty = newProduct("1.00");
        var scarce = newProduct("1.00");
        stock(store, plenty, "100");
        stock(store, scarce, "10");
        stock(store, scarce, "-7");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var low = admin().get("/stores/" + store + "/inventory?low=true");
            assertThat(low.header("X-Total-Count")).isEqualTo("1");
            assertThat(low.json().get(0).get("product_id").asString()).isEqualTo(scarce);
            assertThat(low.json().get(0).get("low_stock").asBoolean()).isTrue();
        });
        var all = admin().get("/stores/" + store + "/inventory/");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.header("X-Total-Count")).isEqualTo("2");
        assertThat(admin().get("/stores/" + store + "/inventory?limit=1").json().size())
                .isEqualTo(1);
    }

    @Test
    void readsAKnownProductWithoutStockAsZeroAndAnUnknownOneAs404() {
        var product = newProduct("1.00");
        var none = item(product);
        assertThat(none.get("qty").asString()).isEqualTo("0");
        assertThat(none.get("version").asLong()).isZero();
        assertThat(admin().get("/stores/" + store + "/inventory/65d0000000000000000000ff")
                        .status())
                .isEqualTo(404);
    }

    private ApiClient.Response adjust(String product, String delta) {
        return admin().post("/stores/" + store + "/inventory/adjust", Map.of("product_id", product, "delta", delta));
    }

    private tools.jackson.databind.JsonNode item(String product) {
        var response = admin().get("/stores/" + store + "/inventory/" + product);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
