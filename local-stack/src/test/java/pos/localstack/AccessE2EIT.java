package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.localstack.SharedStack.account;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.order;
import static pos.localstack.SharedStack.stock;

import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import pos.testing.ApiClient;

/**
 * Roles and store scopes on the running system: a cashier sells, only managers touch stock, stores are fenced and
 * granted by an admin, and another store's data answers 404 like data that does not exist.
 */
class AccessE2EIT {

    @Test
    void aCashierSellsButCannotTouchStockOrOtherStores() {
        var home = newStore();
        var elsewhere = newStore();
        var product = newProduct("2.00");
        stock(home, product, "10");
        stock(elsewhere, product, "10");
        var username = "cashier-" + new ObjectId();
        var cashier = ApiClient.at(SharedStack.stack().apiUrl()).registerAndLogin(username);

        assertThat(cashier.post("/stores/" + home + "/inventory/adjust", Map.of("product_id", product, "delta", "1"))
                        .status())
                .isEqualTo(403);
        assertThat(cashier.post("/products/", Map.of("name", "Free lunch", "price", "0"))
                        .status())
                .isEqualTo(403);
        // a self-registered cashier has no store until an admin grants one
        assertThat(cashier.post("/orders/", order(elsewhere, product, "1")).status())
                .isEqualTo(404);
        assertThat(cashier.get("/orders/").header("X-Total-Count")).isEqualTo("0");

        var me = cashier.get("/users/me").json();
        assertThat(me.get("role").asString()).isEqualTo("user");
        assertThat(me.has("password")).isFalse();
        var scoped = admin().patch("/users/" + me.get("id").asString(), Map.of("store_ids", List.of(home)));
        assertThat(scoped.status()).as(scoped.body()).isEqualTo(200);
        cashier = cashier.login(username);

        var placed = cashier.post("/orders/", order(home, product, "1"));
        assertThat(placed.status()).isEqualTo(200);
        var fenced = cashier.post("/orders/", order(elsewhere, product, "1"));
        assertThat(fenced.status()).isEqualTo(404);
        assertThat(fenced.header("Content-Type")).startsWith("application/problem+json");
        assertThat(cashier.get("/stores/" + elsewhere + "/inventory").status()).isEqualTo(404);
        assertThat(cashier.get("/orders/?store_id=" + elsewhere).status()).isEqualTo(404);
        assertThat(cashier.get("/orders/?store_id=" + home).header("X-Total-Count"))
                .isEqualTo("1");

        var othersOrder = admin().post("/orders/", order(elsewhere, product, "1"))
                .json()
                .get("order")
                .get("id")
                .asString();
        var foreign = cashier.get("/orders/" + othersOrder);
        var missing = cashier.get("/orders/" + new ObjectId());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("detail")).isEqualTo(missing.json().get("detail"));
        assertThat(cashier.patch("/orders/" + othersOrder + "/status", Map.of("status", "cancelled"))
                        .status())
                .isEqualTo(404);
        assertThat(admin().get("/orders/" + othersOrder).json().get("status").asString())
                .isEqualTo("created");
    }

    @Test
    void anAdminRegistersACashierForTheirStoresAndNobodyElseGrantsStores() {
        var home = newStore();
        var product = newProduct("1.00");
        stock(home, product, "5");
        var cashier = account("user", home);
        assertThat(cashier.post("/orders/", order(home, product, "1")).status()).isEqualTo(200);

        var anonymous = ApiClient.at(SharedStack.stack().apiUrl());
        var grabbing = "grab-" + new ObjectId();
        var asksForTheStore = Map.of(
                "name",
                grabbing,
                "email",
                grabbing + "@example.com",
                "username",
                grabbing,
                "password",
                "secret-" + grabbing,
                "store_ids",
                List.of(home));
        var refused = anonymous.post("/auth/register", asksForTheStore);
        assertThat(refused.status()).isEqualTo(403);
        var minted = cashier.post("/auth/register", asksForTheStore);
        assertThat(minted.status()).isEqualTo(403);
    }

    @Test
    void requestsWithoutATokenAreRefusedAsTheBearerSchemeSays() {
        var anonymous = ApiClient.at(SharedStack.stack().apiUrl());
        var refused = anonymous.post("/orders/", order(newStore(), "65d000000000000000000001", "1"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.get("/products/").status()).isEqualTo(200);
        assertThat(anonymous.get("/health").json().get("status").asString()).isEqualTo("ok");
    }
}
