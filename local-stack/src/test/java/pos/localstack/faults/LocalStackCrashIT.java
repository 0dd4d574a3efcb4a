package pos.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pos.testing.ApiClient.idempotencyKey;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pos.schemas.Topics;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.event.StockChanged;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.StockLevel;
import pos.testing.ApiClient;

/**
 * Issue 18 as a user meets it: the packaged local stack ({@code ./run-local.sh}'s jar) in a JVM of its own, several
 * tills placing one-unit orders with Idempotency-Keys and completing or cancelling some, an admin registering
 * cashiers, then {@code kill -9} of the whole stack under that load and a start on the same data directory.
 * Afterwards every acknowledged registration logs in, every acknowledged order reads back with at least its last
 * acknowledged status, and the order list and the stock read model agree with what Kafka holds.
 * <p>
 * CI runs one kill after a few seconds of load; {@code -Dcrash.rounds=5 -Dcrash.load=PT20S} soaks longer (each
 * round kills and restarts once more on the same data).
 */
class LocalStackCrashIT {

    /** Longer than the API's own waits (5 s decision, 10 s for an in-flight duplicate), so a timeout is news. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Duration LOAD = Duration.parse(System.getProperty("crash.load", "PT5S"));
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 1);
    private static final int TILLS = 6;
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final String ADMIN = "crash-admin";
    private static final String PASSWORD = "crash-admin-secret-1";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    /** Last acknowledged status of each order and every acknowledged registration. */
    private final Map<String, String> acknowledgedOrders = new ConcurrentHashMap<>();

    private final Map<String, String> acknowledgedAccounts = new ConcurrentHashMap<>();

    @Test
    void nothingAcknowledgedIsLostAndReadModelsAgreeWithKafkaAfterKillingTheStack() throws Exception {
        try (var stack = new PackagedLocalStack(
                dir.resolve("data"),
                Map.of("POS_BOOTSTRAP_ADMIN_USERNAME", ADMIN, "POS_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD))) {
            stack.start(START);
            var store = HexFormat.of().formatHex(bytes(12));
            var product = prepareCatalog(login(stack), store);
            for (int round = 1; round <= ROUNDS; round++) {
                var admin = login(stack);
                runLoadThenKill(stack, admin, store, product);
                stack.start(START);
                var restarted = login(stack);
                System.out.printf(
                        "round %d: killed after %d acknowledged orders and %d registrations%n",
                        round, acknowledgedOrders.size(), acknowledgedAccounts.size());
                assertAcknowledgedAccountsLogIn(stack);
                assertAcknowledgedOrdersReadBack(restarted);
                assertReadModelsAgreeWithKafka(stack, restarted, store, product);
            }
        }
    }

    private static String prepareCatalog(ApiClient admin, String store) {
        var product = admin.post("/products/", Map.of("name", "Crash test product", "price", "1.00"));
        assertThat(product.status()).as("product created: %s", product.body()).isEqualTo(200);
        var productId = product.text("_id");
        var stocked = admin.post(
                "/stores/" + store + "/inventory/adjust", Map.of("product_id", productId, "delta", "1000000"));
        assertThat(stocked.status()).as("stock adjusted: %s", stocked.body()).isEqualTo(200);
        return productId;
    }

    private void runLoadThenKill(PackagedLocalStack stack, ApiClient admin, String store, String product)
            throws InterruptedException {
        var running = new AtomicBoolean(true);
        var ordersBefore = acknowledgedOrders.size();
        var accountsBefore = acknowledgedAccounts.size();
        ExecutorService clients = Executors.newFixedThreadPool(TILLS + 1);
        try {
            for (int i = 0; i < TILLS; i++) {
                clients.submit(() -> till(admin, store, product, running));
            }
            clients.submit(() -> registrar(admin, running));
            long started = System.nanoTime();
            // kill under load: only once the load ran its time and some of it was acknowledged
            await("load acknowledged")
                    .atMost(LOAD.plus(Duration.ofSeconds(90)))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> System.nanoTime() - started >= LOAD.toNanos()
                            && acknowledgedOrders.size() >= ordersBefore + 4 * TILLS
                            && acknowledgedAccounts.size() >= accountsBefore + 3);
            stack.kill();
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    /** One-unit orders with keys; some completed, some cancelled. Only answers read whole count as acknowledged. */
    private void till(ApiClient api, String store, String product, AtomicBoolean running) {
        var body = Map.of("store_id", store, "items", List.of(Map.of("product_id", product, "qty", "1")));
        while (running.get()) {
            var answer = api.attempt("POST", "/orders/", body, idempotencyKey("crash-" + UUID.randomUUID()));
            if (answer.isEmpty()) {
                continue;
            }
            var response = answer.get();
            String orderId = null;
            if (response.status() == 200 || response.status() == 202) {
                orderId = response.text("order", "id");
                acknowledgedOrders.put(orderId, response.text("order", "status"));
            } else if (response.status() == 400 && response.text("order_id") != null) {
                acknowledgedOrders.put(response.text("order_id"), "rejected");
            }
            if (orderId != null && response.status() == 200 && RANDOM.nextInt(3) > 0) {
                var target = RANDOM.nextBoolean() ? "completed" : "cancelled";
                var changed =
                        api.attempt("PATCH", "/orders/" + orderId + "/status", Map.of("status", target), Map.of());
                if (changed.isPresent() && changed.get().status() == 200) {
                    acknowledgedOrders.put(orderId, changed.get().text("order", "status"));
                }
            }
        }
    }

    /** Cashiers registered by the admin, as the edge-security rules want them. */
    private void registrar(ApiClient admin, AtomicBoolean running) {
        var counter = new AtomicInteger();
        while (running.get()) {
            var username = "cashier-" + counter.incrementAndGet() + "-"
                    + HexFormat.of().formatHex(bytes(4));
            var password = "secret-" + username;
            var answer = admin.attempt(
                    "POST",
                    "/auth/register",
                    Map.of(
                            "name",
                            username,
                            "email",
                            username + "@example.com",
                            "username",
                            username,
                            "password",
                            password),
                    Map.of());
            if (answer.isPresent() && answer.get().status() == 200) {
                acknowledgedAccounts.put(username, password);
            }
        }
    }

    private void assertAcknowledgedAccountsLogIn(PackagedLocalStack stack) {
        var anonymous = ApiClient.at(stack.apiUrl()).withTimeout(TIMEOUT);
        var lost = new ArrayList<String>();
        acknowledgedAccounts.forEach((username, password) -> {
            var login = anonymous.attempt(
                    "POST", "/auth/login", Map.of("username", username, "password", password), Map.of());
            if (login.isEmpty() || login.get().status() != 200) {
                lost.add(username + " -> "
                        + login.map(ApiClient.Response::status).orElse(0));
            }
        });
        assertThat(lost)
                .as("acknowledged registrations that no longer log in (of %d)", acknowledgedAccounts.size())
                .isEmpty();
    }

    private void assertAcknowledgedOrdersReadBack(ApiClient api) {
        await("every acknowledged order reads back")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    var behind = new ArrayList<String>();
                    acknowledgedOrders.forEach((orderId, acknowledged) -> {
                        var read = api.attempt("GET", "/orders/" + orderId, null, Map.of());
                        var status = read.filter(r -> r.status() == 200)
                                .map(r -> r.text("status"))
                                .orElse(null);
                        if (!atLeast(status, acknowledged)) {
                            behind.add(orderId + " acknowledged " + acknowledged + ", reads "
                                    + read.map(r -> r.status() + " " + r.text("status"))
                                            .orElse("no answer"));
                        }
                    });
                    assertThat(behind)
                            .as("orders behind their acknowledged status (of %d)", acknowledgedOrders.size())
                            .isEmpty();
                });
    }

    /** Whether an order read back with {@code seen} still shows what was acknowledged, or a later status. */
    static boolean atLeast(String seen, String acknowledged) {
        if (seen == null) {
            return false;
        }
        return seen.equals(acknowledged)
                || acknowledged.equals("pending")
                || acknowledged.equals("created")
                        && Set.of("completed", "cancelled").contains(seen);
    }

    private void assertReadModelsAgreeWithKafka(PackagedLocalStack stack, ApiClient api, String store, String product) {
        try (var topics = new CommittedTopics(
                stack.kafkaBootstrapServers(), List.of(Topics.ORDER_EVENTS, Topics.INVENTORY_EVENTS))) {
            await("read models agree with Kafka")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        var orders = new HashMap<String, OrderSnapshot>();
                        StockLevel stock = null;
                        for (var record : topics.readToEnd()) {
                            if (record.topic().equals(Topics.ORDER_EVENTS)) {
                                var order = ((OrderStatusChanged)
                                                JsonSerdes.orderEvent().deserialize(record.topic(), record.value()))
                                        .order();
                                orders.merge(order.orderId(), order, (a, b) -> b.sequence() > a.sequence() ? b : a);
                            } else if (JsonSerdes.inventoryEvent().deserialize(record.topic(), record.value())
                                            instanceof StockChanged changed
                                    && changed.stock().storeId().equals(store)
                                    && changed.stock().productId().equals(product)
                                    && (stock == null || changed.stock().version() > stock.version())) {
                                stock = changed.stock();
                            }
                        }
                        var inKafka = new HashMap<String, String>();
                        orders.values().stream()
                                .filter(o -> o.storeId().equals(store))
                                .forEach(
                                        o -> inKafka.put(o.orderId(), o.status().wireName()));
                        assertThat(listedOrders(api, store))
                                .as("GET /orders/?store_id= against %s", Topics.ORDER_EVENTS)
                                .isEqualTo(inKafka);
                        assertThat(inKafka)
                                .as("acknowledged orders in Kafka")
                                .containsKeys(acknowledgedOrders.keySet().toArray(String[]::new));

                        assertThat(stock).as("stock changes in Kafka").isNotNull();
                        var item = api.get("/stores/" + store + "/inventory/" + product);
                        assertThat(item.status()).isEqualTo(200);
                        assertThat(Map.of(
                                        "qty",
                                        plain(item.text("qty")),
                                        "reserved_qty",
                                        plain(item.text("reserved_qty")),
                                        "available_qty",
                                        plain(item.text("available_qty")),
                                        "version",
                                        item.text("version")))
                                .as("stock read model against %s", Topics.INVENTORY_EVENTS)
                                .isEqualTo(Map.of(
                                        "qty",
                                        plain(stock.onHand().toString()),
                                        "reserved_qty",
                                        plain(stock.reserved().toString()),
                                        "available_qty",
                                        plain(stock.available().toString()),
                                        "version",
                                        String.valueOf(stock.version())));
                    });
        }
    }

    private static Map<String, String> listedOrders(ApiClient api, String store) {
        var listed = new HashMap<String, String>();
        for (int skip = 0; ; skip += 100) {
            var page = api.get("/orders/?store_id=" + store + "&skip=" + skip + "&limit=100");
            assertThat(page.status()).isEqualTo(200);
            page.json()
                    .forEach(order -> listed.put(
                            order.get("id").asString(), order.get("status").asString()));
            if (page.json().size() < 100) {
                return listed;
            }
        }
    }

    private static ApiClient login(PackagedLocalStack stack) {
        var login = ApiClient.at(stack.apiUrl())
                .withTimeout(TIMEOUT)
                .post("/auth/login", Map.of("username", ADMIN, "password", PASSWORD));
        assertThat(login.status()).as("admin login: %s", login.body()).isEqualTo(200);
        return ApiClient.at(stack.apiUrl()).withTimeout(TIMEOUT).withToken(login.text("access_token"));
    }

    private static String plain(String decimal) {
        return new java.math.BigDecimal(decimal).stripTrailingZeros().toPlainString();
    }

    private static byte[] bytes(int length) {
        var bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
