package pos.loadgen;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Walks the README's flow once against a running system, as an operator, a till and a downstream consumer would:
 * the admin registers a cashier for a store, creates and stocks a product; the cashier places an order with an
 * Idempotency-Key, replays it and moves it to completed; the stock and the order's events on Kafka must show it.
 * Each step prints {@code ok} or stops the walk with {@code FAILED <step>: <why>}; the exit status is 0 only when
 * every step passed. Run by {@code ./run-smoke-test.sh}: in {@code .ci/run} against the local stack, in the
 * GitHub workflow against docker compose.
 */
public final class SmokeTest {

    static final String PRICE = "3.50";
    static final BigDecimal STOCKED = new BigDecimal("10");
    static final BigDecimal ORDERED = new BigDecimal("2");
    static final List<String> LIFECYCLE = List.of("confirmed", "preparing", "ready", "completed");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SmokeOptions options;
    private final SmokeSteps steps;
    private final PosApi api;
    private final String runTag;
    private final String store;

    SmokeTest(SmokeOptions options, PrintStream out) {
        this.options = options;
        this.steps = new SmokeSteps(out);
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.api = new PosApi(options.apiUrl(), http, Duration.ofSeconds(30));
        this.runTag = Long.toString(System.currentTimeMillis(), 36) + randomHex(2);
        // stores are client-chosen ObjectIds: a random one keeps runs against one system apart
        this.store = randomHex(12);
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(SmokeOptions.USAGE);
            return;
        }
        // kafka-clients logs through SLF4J: warnings and errors only
        System.setProperty(
                "org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        SmokeOptions options;
        try {
            options = SmokeOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("smoke test: " + e.getMessage());
            System.err.print(SmokeOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new SmokeTest(options, System.out).run() ? 0 : 1);
    }

    /** Walks the flow; prints every step and the closing count. */
    boolean run() {
        steps.header("Smoke test against " + options.apiUrl() + " and Kafka " + options.kafkaBootstrap() + " (store "
                + store + ", run " + runTag + ")");
        return steps.walk(this::walk);
    }

    private void walk() {
        steps.step(
                "the API answers GET /health", () -> SmokeChecks.expect(PosApi.await(api.get("/health", null)), 200));
        String admin = adminToken();
        String cashier = cashierToken(admin);
        String product = steps.value("the admin creates a product at " + PRICE, () -> createProduct(admin));
        steps.step("the admin stocks it: +" + STOCKED + " in the store", () -> stock(admin, product));
        var orders = new SmokeOrders(api, options.timeout(), store, product);
        String orderId = placeAndComplete(orders, cashier);
        steps.step(
                "the stock shows the sale: on hand " + STOCKED.subtract(ORDERED) + ", reserved 0",
                () -> orders.expectStock(cashier, STOCKED.subtract(ORDERED)));
        String statuses = steps.value(
                "a downstream consumer reads the order's status changes from " + OrderEventsReader.TOPIC,
                () -> SmokeChecks.orderEvents(
                        OrderEventsReader.read(
                                options.kafkaBootstrap(), orderId, SmokeChecks::hasCompleted, options.timeout()),
                        orderId));
        steps.note("order " + orderId + ": " + statuses);
    }

    private String adminToken() {
        String admin = steps.value(
                "log in as the admin '" + options.adminUser() + "'",
                () -> login(options.adminUser(), options.adminPassword()));
        steps.step(
                "the admin's token carries the admin role",
                () -> SmokeChecks.check(
                        me(admin).path("role").asString("").equals("admin"), "GET /users/me: " + me(admin)));
        return admin;
    }

    private String cashierToken(String admin) {
        String cashierName = "smoke-" + runTag;
        String cashierPassword = "smoke-" + randomHex(12);
        steps.step(
                "the admin registers cashier '" + cashierName + "' for store " + store,
                () -> register(admin, cashierName, cashierPassword));
        String cashier = steps.value("log in as the cashier", () -> login(cashierName, cashierPassword));
        steps.step("the cashier is a user limited to that store", () -> {
            var me = me(cashier);
            SmokeChecks.check(
                    me.path("role").asString("").equals("user")
                            && me.path("store_ids").size() == 1
                            && me.path("store_ids").get(0).asString().equals(store),
                    "GET /users/me: " + me);
        });
        return cashier;
    }

    private String placeAndComplete(SmokeOrders orders, String cashier) {
        String key = "smoke-" + runTag + "-order-1";
        String orderId = steps.value(
                "the cashier places an order of " + ORDERED + " with Idempotency-Key " + key,
                () -> orders.place(cashier, key, ORDERED, new BigDecimal(PRICE).multiply(ORDERED)));
        steps.step(
                "a replay with the same key answers the same order with Idempotent-Replayed: true",
                () -> orders.replay(cashier, key, ORDERED, orderId));
        for (String status : LIFECYCLE) {
            steps.step("the cashier moves the order to " + status, () -> orders.changeStatus(cashier, orderId, status));
        }
        steps.step("GET /orders/{id} shows it completed", () -> orders.expectStatus(cashier, orderId, "completed"));
        return orderId;
    }

    private String login(String username, String password) {
        var reply = SmokeChecks.expect(
                PosApi.await(
                        api.post("/auth/login", null, Map.of("username", username, "password", password), Map.of())),
                200);
        return SmokeChecks.text(reply.json(), "access_token", reply);
    }

    private JsonNode me(String token) {
        return SmokeChecks.expect(PosApi.await(api.get("/users/me", token)), 200)
                .json();
    }

    private void register(String adminToken, String username, String password) {
        SmokeChecks.expect(
                PosApi.await(api.post(
                        "/auth/register",
                        adminToken,
                        Map.of(
                                "name",
                                "Smoke cashier " + runTag,
                                "email",
                                username + "@example.com",
                                "username",
                                username,
                                "password",
                                password,
                                "role",
                                "user",
                                "store_ids",
                                List.of(store)),
                        Map.of())),
                200);
    }

    private String createProduct(String adminToken) {
        var reply = SmokeChecks.expect(
                PosApi.await(api.post(
                        "/products/", adminToken, Map.of("name", "Smoke burger " + runTag, "price", PRICE), Map.of())),
                200);
        return SmokeChecks.text(reply.json(), "_id", reply);
    }

    private void stock(String adminToken, String product) {
        Supplier<PosApi.Reply> adjust = () -> PosApi.await(api.post(
                "/stores/" + store + "/inventory/adjust",
                adminToken,
                Map.of("product_id", product, "delta", STOCKED.toPlainString(), "reason", "smoke test delivery"),
                Map.of("Idempotency-Key", "smoke-" + runTag + "-stock")));
        // a 202 is not final: the same request with the same key picks it up again (README "Idempotency-Key")
        var reply = SmokeChecks.expect(SmokeChecks.retryWhile(adjust, r -> r.status() == 202, options.timeout()), 200);
        SmokeChecks.decimal(reply.json().path("item"), "qty", STOCKED, reply);
    }

    private static String randomHex(int bytes) {
        var random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
