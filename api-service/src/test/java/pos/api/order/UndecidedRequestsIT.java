package pos.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import pos.api.identity.Role;
import pos.api.identity.TestAccounts;
import pos.api.support.AbstractApiIT;
import pos.testing.ApiClient;

/**
 * Requests waiting for a decision hold no request thread: with two Tomcat threads and no processor running (so no
 * decision ever comes), many orders and stock adjustments wait at once and the API still answers other requests.
 * Were each waiting request to hold a thread, at most two could be inside the API before the first answer.
 */
@TestPropertySource(
        properties = {
            "server.tomcat.threads.max=2",
            "server.tomcat.threads.min-spare=1",
            "pos.commands.decision-timeout=20s"
        })
class UndecidedRequestsIT extends AbstractApiIT {

    static final String STORE = "65a0000000000000000000aa";
    static final int WAITING = 6;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void manyRequestsWaitForTheirDecisionsWhileOthersAreServed() throws Exception {
        var api = ApiClient.onLocalPort(port);
        var manager = TestAccounts.of(context).create(Role.MANAGER, STORE);
        var asManager = api.withToken(manager.token());
        var product = asManager.post("/products/", Map.of("name", "Undecided soup", "price", "2.00"));
        assertThat(product.status()).as(product.body()).isEqualTo(200);
        var productId = product.json().get("id").asString();

        double placedBefore = placed();
        var answered = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(2 * WAITING);
        try {
            var requests = new ArrayList<CompletableFuture<ApiClient.Response>>();
            for (int i = 0; i < WAITING; i++) {
                requests.add(CompletableFuture.supplyAsync(
                        () -> count(
                                answered,
                                asManager.post(
                                        "/orders/",
                                        Map.of(
                                                "store_id",
                                                STORE,
                                                "items",
                                                java.util.List.of(Map.of("product_id", productId, "qty", "1"))))),
                        pool));
                requests.add(CompletableFuture.supplyAsync(
                        () -> count(
                                answered,
                                asManager.post(
                                        "/stores/" + STORE + "/inventory/adjust",
                                        Map.of("product_id", productId, "delta", "5", "reason", "delivery"))),
                        pool));
            }

            // every order got as far as publishing its command, so every request is inside the API at once
            await().atMost(Duration.ofSeconds(12)).until(() -> placedSince(placedBefore) == WAITING);
            var health = api.get("/health");

            assertThat(health.status()).isEqualTo(200);
            assertThat(answered.get())
                    .as("requests answered before the decision timeout")
                    .isZero();
            for (var request : requests) {
                var response = request.get();
                assertThat(response.status()).as(response.body()).isEqualTo(202);
            }
            // each order answered 202 was recorded as pending before its answer
            assertThat(pendingOrders(manager.id())).isEqualTo(WAITING);
        } finally {
            pool.shutdownNow();
        }
    }

    double placed() {
        var counter = meters.find("pos.orders.placed").counter();
        return counter == null ? 0 : counter.count();
    }

    long placedSince(double before) {
        return Math.round(placed() - before);
    }

    long pendingOrders(String userId) {
        return mongo.count(
                Query.query(Criteria.where("user_id").is(userId).and("status").is("pending")), OrderViews.COLLECTION);
    }

    static ApiClient.Response count(AtomicInteger answered, ApiClient.Response response) {
        answered.incrementAndGet();
        return response;
    }
}
