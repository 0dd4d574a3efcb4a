package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.order;
import static pos.localstack.SharedStack.stock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import pos.testing.ApiClient;

/** Many tills racing for the last units of a product: never oversold, whatever the concurrency. */
class ScarceStockE2EIT {

    @Test
    void fiftyConcurrentOrdersForTenUnitsCreateExactlyTen() throws Exception {
        var store = newStore();
        var product = newProduct("1.00");
        stock(store, product, "10");

        var pool = Executors.newFixedThreadPool(25);
        var statuses = new ArrayList<Integer>();
        try {
            var calls = new ArrayList<Callable<ApiClient.Response>>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> admin().post("/orders/", order(store, product, "1")));
            }
            for (var future : pool.invokeAll(calls)) {
                statuses.add(future.get().status());
            }
        } finally {
            pool.shutdownNow();
        }

        // a decision slower than the API's wait is answered 202 and decided later, so count the final states
        assertThat(statuses).allMatch(s -> s == 200 || s == 202 || s == 400);
        assertThat(statuses).filteredOn(s -> s == 200).hasSizeLessThanOrEqualTo(10);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var item = admin().get("/stores/" + store + "/inventory/" + product).json();
            assertThat(item.get("qty").asString()).isEqualTo("10");
            assertThat(item.get("reserved_qty").asString()).isEqualTo("10");
            assertThat(item.get("available_qty").asString()).isEqualTo("0");
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(admin().get("/orders/?store_id=" + store + "&status=created")
                            .header("X-Total-Count"))
                    .isEqualTo("10");
            assertThat(admin().get("/orders/?store_id=" + store + "&status=rejected")
                            .header("X-Total-Count"))
                    .isEqualTo("40");
        });
    }
}
