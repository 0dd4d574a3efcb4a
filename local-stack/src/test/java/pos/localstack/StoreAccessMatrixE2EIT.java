package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.localstack.SharedStack.account;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.order;
import static pos.localstack.SharedStack.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pos.testing.ApiClient;

/**
 * The role × store matrix of the README's Security section, every cell through the running system: each role with
 * store X listed, with only another store listed, and with an empty list, against every store-scoped operation on
 * store X. A cashier's empty list means no store, a manager's or admin's every store; anything outside the
 * caller's stores answers 404, like something that does not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreAccessMatrixE2EIT {

    enum Scope {
        STORE_X,
        OTHER_STORE,
        EMPTY_LIST
    }

    private final String storeX = newStore();
    private final String otherStore = newStore();
    private final Map<String, ApiClient> accounts = new java.util.concurrent.ConcurrentHashMap<>();
    private String product;
    private String orderInX;

    @BeforeAll
    void storeXHasStockAndAnOrder() {
        product = newProduct("1.00");
        stock(storeX, product, "1000");
        var placed = admin().post("/orders/", order(storeX, product, "1"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        orderInX = placed.json().get("order").get("id").asString();
    }

    /** What each operation on store X answers, per role and scope: the cells of the README's table. */
    static Stream<Arguments> cells() {
        var rows = new ArrayList<Arguments>();
        for (var role : List.of("user", "manager", "admin")) {
            for (var scope : Scope.values()) {
                boolean reaches = scope == Scope.STORE_X || (scope == Scope.EMPTY_LIST && !role.equals("user"));
                int storeAnswer = reaches ? 200 : 404;
                rows.add(Arguments.of(role, scope, "GET /orders/{id}", storeAnswer));
                rows.add(Arguments.of(role, scope, "PATCH /orders/{id}/status", storeAnswer));
                rows.add(Arguments.of(role, scope, "POST /orders/", storeAnswer));
                rows.add(Arguments.of(role, scope, "GET /orders/?store_id=X", storeAnswer));
                rows.add(Arguments.of(role, scope, "GET /stores/X/inventory", storeAnswer));
                rows.add(Arguments.of(role, scope, "GET /stores/X/inventory/{product}", storeAnswer));
                rows.add(Arguments.of(
                        role, scope, "POST /stores/X/inventory/adjust", role.equals("user") ? 403 : storeAnswer));
                rows.add(Arguments.of(role, scope, "GET /stores/X/inventory/{product}/movements", storeAnswer));
                rows.add(Arguments.of(
                        role, scope, "POST /stores/X/inventory/count", role.equals("user") ? 403 : storeAnswer));
                rows.add(Arguments.of(role, scope, "GET /stores/X/settings", role.equals("user") ? 403 : storeAnswer));
                rows.add(Arguments.of(role, scope, "PUT /stores/X/settings", role.equals("user") ? 403 : storeAnswer));
                rows.add(Arguments.of(
                        role,
                        scope,
                        "GET /admin/dead-letters",
                        role.equals("admin") && scope == Scope.EMPTY_LIST ? 200 : 403));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} with {1}: {2} -> {3}")
    @MethodSource("cells")
    void answersAsTheMatrixSays(String role, Scope scope, String operation, int expected) {
        var caller = account(role, scope);
        var response = operations().get(operation).apply(caller, this);

        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0} with {1} lists only orders it may see")
    @MethodSource("roleScopes")
    void listingWithoutAStoreShowsOnlyTheCallersStores(String role, Scope scope) {
        var listed = account(role, scope).get("/orders/?limit=100");

        assertThat(listed.status()).isEqualTo(200);
        var stores = new ArrayList<String>();
        listed.json().forEach(o -> stores.add(o.get("store_id").asString()));
        boolean reaches = scope == Scope.STORE_X || (scope == Scope.EMPTY_LIST && !role.equals("user"));
        if (scope == Scope.EMPTY_LIST && role.equals("user")) {
            assertThat(stores).isEmpty();
        } else if (!reaches) {
            assertThat(stores).doesNotContain(storeX);
        } else if (scope == Scope.STORE_X) {
            assertThat(stores).isNotEmpty().containsOnly(storeX);
        }
    }

    /** The README's row for the order stream, and who may pair, list and revoke a store's displays. */
    @ParameterizedTest(name = "{0} with {1}: the order stream and the displays of X")
    @MethodSource("roleScopes")
    void theOrderStreamAndTheDisplaysFollowTheMatrix(String role, Scope scope) {
        var caller = account(role, scope);
        boolean reaches = scope == Scope.STORE_X || (scope == Scope.EMPTY_LIST && !role.equals("user"));

        try (var stream = SseStream.open(SharedStack.stack().apiUrl(), storeX, caller.token(), null)) {
            assertThat(stream.status).isEqualTo(reaches ? 200 : 404);
        }
        var displays = caller.get("/stores/" + storeX + "/displays");
        assertThat(displays.status()).as(displays.body()).isEqualTo(role.equals("user") ? 403 : reaches ? 200 : 404);
    }

    static Stream<Arguments> roleScopes() {
        return Stream.of("user", "manager", "admin")
                .flatMap(role -> Stream.of(Scope.values()).map(scope -> Arguments.of(role, scope)));
    }

    private static Map<String, BiFunction<ApiClient, StoreAccessMatrixE2EIT, ApiClient.Response>> operations() {
        return Map.ofEntries(
                operation("GET /orders/{id}", (c, t) -> c.get("/orders/" + t.orderInX)),
                operation(
                        "PATCH /orders/{id}/status",
                        (c, t) -> c.patch("/orders/" + t.orderInX + "/status", Map.of("status", "confirmed"))),
                operation("POST /orders/", (c, t) -> c.post("/orders/", order(t.storeX, t.product, "1"))),
                operation("GET /orders/?store_id=X", (c, t) -> c.get("/orders/?store_id=" + t.storeX)),
                operation("GET /stores/X/inventory", (c, t) -> c.get("/stores/" + t.storeX + "/inventory")),
                operation(
                        "GET /stores/X/inventory/{product}",
                        (c, t) -> c.get("/stores/" + t.storeX + "/inventory/" + t.product)),
                operation(
                        "POST /stores/X/inventory/adjust",
                        (c, t) -> c.post(
                                "/stores/" + t.storeX + "/inventory/adjust",
                                Map.of("product_id", t.product, "delta", "1"))),
                operation(
                        "GET /stores/X/inventory/{product}/movements",
                        (c, t) -> c.get("/stores/" + t.storeX + "/inventory/" + t.product + "/movements")),
                operation(
                        "POST /stores/X/inventory/count",
                        (c, t) -> c.post(
                                "/stores/" + t.storeX + "/inventory/count",
                                Map.of("product_id", t.product, "qty", "1000"))),
                operation("GET /stores/X/settings", (c, t) -> c.get("/stores/" + t.storeX + "/settings")),
                operation("PUT /stores/X/settings", (c, t) -> c.put("/stores/" + t.storeX + "/settings", Map.of())),
                operation("GET /admin/dead-letters", (c, t) -> c.get("/admin/dead-letters")));
    }

    private static Map.Entry<String, BiFunction<ApiClient, StoreAccessMatrixE2EIT, ApiClient.Response>> operation(
            String name, BiFunction<ApiClient, StoreAccessMatrixE2EIT, ApiClient.Response> call) {
        return Map.entry(name, call);
    }

    /** An account per role and scope, registered by the admin as a store's cashiers and managers are. */
    private ApiClient account(String role, Scope scope) {
        return accounts.computeIfAbsent(role + "/" + scope, key -> register(role, scope));
    }

    private ApiClient register(String role, Scope scope) {
        var stores = switch (scope) {
            case STORE_X -> List.of(storeX);
            case OTHER_STORE -> List.of(otherStore);
            case EMPTY_LIST -> List.<String>of();
        };
        return SharedStack.account(role, stores);
    }
}
