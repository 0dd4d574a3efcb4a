package pos.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * Processors that stopped answering (none runs here): once {@code pos.commands.max-in-flight} commands are
 * unanswered, placements, status changes and stock changes are refused with 503 and Retry-After, before anything
 * is stored or published, instead of adding to a backlog that every later request would wait behind. An order
 * answered 202 keeps counting after its answer; a command that never gets a reply stops counting after
 * {@code pos.commands.in-flight-expiry}, and the refused request's Idempotency-Key is free for its retry.
 */
@TestPropertySource(
        properties = {
            "pos.commands.max-in-flight=2",
            "pos.commands.in-flight-expiry=3s",
            "pos.commands.decision-timeout=100ms"
        })
class OverloadedProcessorsIT extends AbstractApiIT {

    static final String STORE = "65a0000000000000000000ab";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    /** MongoIdempotencyStore's collection. */
    static final String IDEMPOTENCY_KEYS = "idempotency_keys";

    @Test
    void pastTheCommandsInFlightEveryCommandIsRefused503UntilRoomComesBack() {
        var api = ApiClient.onLocalPort(port);
        var till = managerWithAProduct("Overload stew");
        var asManager = till.asManager();
        var productId = till.productId();
        var order = till.order();
        awaitNoCommandsInFlight();

        var first = asManager.post("/orders/", order, ApiClient.idempotencyKey("overload-1"));
        var second = asManager.post("/orders/", order, ApiClient.idempotencyKey("overload-2"));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(second.status()).as(second.body()).isEqualTo(202);

        var refused = asManager.post("/orders/", order, ApiClient.idempotencyKey("overload-3"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.text("detail")).contains("retry");
        assertThat(ordersPlacedWith("overload-3"))
                .as("a refused placement stores nothing")
                .isZero();

        var adjust = asManager.post(
                "/stores/" + STORE + "/inventory/adjust",
                Map.of("product_id", productId, "delta", "5", "reason", "delivery"),
                ApiClient.idempotencyKey("overload-adjust"));
        assertThat(adjust.status()).as(adjust.body()).isEqualTo(503);
        assertThat(adjust.header("Retry-After")).isEqualTo("1");
        var cancel = asManager.patch(
                "/orders/" + first.json().get("order").get("id").asString() + "/status", Map.of("status", "cancelled"));
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(503);
        var async = asManager.send(
                "POST", "/orders/", order, Map.of("Prefer", "respond-async", "Idempotency-Key", "overload-4"));
        assertThat(async.status()).as(async.body()).isEqualTo(503);
        var anonymous = api.post("/orders/", order, ApiClient.idempotencyKey("overload-5"));
        assertThat(anonymous.status())
                .as("refused before anything reads the request, even its token: " + anonymous.body())
                .isEqualTo(503);
        assertThat(anonymous.header("Retry-After")).isEqualTo("1");
        assertThat(api.get("/health").status()).as("reads are served").isEqualTo(200);
        assertThat(asManager
                        .get("/orders/" + first.json().get("order").get("id").asString())
                        .status())
                .as("an order can still be read")
                .isEqualTo(200);

        // the two placements never get a reply: after the expiry they stop counting, and the same key goes through
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    var retried = asManager.post("/orders/", order, ApiClient.idempotencyKey("overload-3"));
                    assertThat(retried.status()).as(retried.body()).isEqualTo(202);
                });
        assertThat(ordersPlacedWith("overload-3")).isEqualTo(1);
    }

    /**
     * Requests that find one place left race for it: the one that reserves it at the front is placed, and the others
     * are refused there, before they claim their Idempotency-Key, so MongoDB does no work for them.
     */
    @Test
    void placementsRacingForTheLastPlaceAreRefusedBeforeTheyClaimTheirKeys() throws Exception {
        var till = managerWithAProduct("Race stew");
        var asManager = till.asManager();
        var order = till.order();
        awaitNoCommandsInFlight();
        assertThat(asManager
                        .post("/orders/", order, ApiClient.idempotencyKey("race-first"))
                        .status())
                .isEqualTo(202);

        int racers = 16;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        try {
            var answers = new ArrayList<Future<ApiClient.Response>>();
            for (int i = 0; i < racers; i++) {
                var key = "race-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return asManager.post("/orders/", order, ApiClient.idempotencyKey(key));
                }));
            }
            start.countDown();
            var refusedKeys = new ArrayList<String>();
            int placed = 0;
            for (int i = 0; i < racers; i++) {
                var answer = answers.get(i).get(30, TimeUnit.SECONDS);
                if (answer.status() == 202) {
                    placed++;
                } else {
                    assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                    refusedKeys.add("race-" + i);
                }
            }
            assertThat(placed).as("one place was left").isEqualTo(1);
            assertThat(mongo.count(Query.query(Criteria.where("key").in(refusedKeys)), IDEMPOTENCY_KEYS))
                    .as("no refused request claimed its key")
                    .isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A manager of {@link #STORE}, a product of the catalog and an order of one of it. */
    record Till(ApiClient asManager, String productId, Map<String, Object> order) {}

    Till managerWithAProduct(String productName) {
        var manager = TestAccounts.of(context).create(Role.MANAGER, STORE);
        var asManager = ApiClient.onLocalPort(port).withToken(manager.token());
        var product = asManager.post("/products/", Map.of("name", productName, "price", "3.00"));
        assertThat(product.status()).as(product.body()).isEqualTo(200);
        var productId = product.json().get("id").asString();
        return new Till(
                asManager,
                productId,
                Map.of("store_id", STORE, "items", List.of(Map.of("product_id", productId, "qty", "1"))));
    }

    /** The other test's commands stop counting after the expiry: no processor answers them. */
    void awaitNoCommandsInFlight() {
        var inFlight = meters.get("pos.commands.in.flight").gauge();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> inFlight.value() == 0);
    }

    long ordersPlacedWith(String key) {
        return mongo.count(Query.query(Criteria.where("idempotency_key").is(key)), OrderViews.COLLECTION);
    }
}
