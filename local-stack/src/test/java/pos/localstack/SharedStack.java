package pos.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import pos.testing.ApiClient;

/**
 * One running local stack for the end-to-end test classes that do not restart it, started on first use and
 * stopped when the test JVM exits, so the suite pays for start-up once. Each test works in its own store.
 */
final class SharedStack {

    static final String PLACEMENT_DEADLINE = "pos.orders.placement-deadline";

    private static LocalStack stack;
    private static ApiClient admin;

    private SharedStack() {}

    static synchronized ApiClient admin() {
        if (stack == null) {
            // The placement deadline only ever rejects a placement the store ledger never received (an expiry is
            // written after its PlaceOrder in the same partition), so a short one is safe and keeps
            // OneHopE2EIT quick.
            if (System.getProperty(PLACEMENT_DEADLINE) == null) {
                System.setProperty(PLACEMENT_DEADLINE, "3s");
            }
            try {
                var dataDir = Files.createTempDirectory("pos-e2e-");
                stack = LocalStack.start(StackSettings.onFreePorts(dataDir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            admin = ApiClient.at(stack.apiUrl()).registerAndLogin("e2e-admin");
        }
        return admin;
    }

    static synchronized LocalStack stack() {
        admin();
        return stack;
    }

    static String newStore() {
        return new ObjectId().toHexString();
    }

    static String newProduct(String price) {
        var product = admin().post("/products/", Map.of("name", "Product " + new ObjectId(), "price", price));
        if (product.status() != 200) {
            throw new IllegalStateException("product not created: " + product.body());
        }
        return product.json().get("_id").asString();
    }

    static void stock(String store, String product, String delta) {
        var adjusted =
                admin().post("/stores/" + store + "/inventory/adjust", Map.of("product_id", product, "delta", delta));
        if (adjusted.status() != 200) {
            throw new IllegalStateException("stock not adjusted: " + adjusted.body());
        }
    }

    /** A logged-in account of {@code role} with these stores, registered by the admin (an empty list: no store). */
    static ApiClient account(String role, List<String> stores) {
        var username = role + "-" + new ObjectId();
        var registered = admin().post(
                        "/auth/register",
                        Map.of(
                                "name",
                                username,
                                "email",
                                username + "@example.com",
                                "username",
                                username,
                                "password",
                                "secret-" + username,
                                "role",
                                role,
                                "store_ids",
                                stores));
        if (registered.status() != 200) {
            throw new IllegalStateException("account not registered: " + registered.body());
        }
        return ApiClient.at(stack().apiUrl()).login(username);
    }

    /** {@link #account(String, List)} for one store. */
    static ApiClient account(String role, String store) {
        return account(role, List.of(store));
    }

    static Map<String, Object> order(String store, String product, String qty) {
        return Map.of("store_id", store, "items", List.of(Map.of("product_id", product, "qty", qty)));
    }
}
