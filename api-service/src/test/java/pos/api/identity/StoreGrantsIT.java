package pos.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pos.testing.ApiClient;

/**
 * Store access is granted, never taken: only an admin grants stores or higher roles, never beyond their own
 * stores, and a self-registered account has no store. The original let anyone register for every store, and a
 * cashier limited to one store mint an account without limit.
 */
class StoreGrantsIT extends IdentityITSupport {

    static final String STORE_A = "65a00000000000000000000a";
    static final String STORE_B = "65a00000000000000000000b";

    /** Not the first account of the system (FirstAccountIT empties the accounts): no promotion to admin here. */
    @BeforeEach
    void systemHasAnAdminAlready() {
        userAccounts.claimFirstAccount(null, Instant.now());
    }

    @Test
    void aSelfRegisteredAccountIsACashierWithNoStoreAndCannotChooseStores() {
        var choosing = registration(unique("chooser"), "secret1");
        choosing.put("store_ids", List.of(STORE_A));
        assertProblem(register(choosing, null), 403, "Only an admin may grant store access");

        var name = unique("plain");
        assertThat(register(registration(name, "secret1"), null).status()).isEqualTo(200);
        var token = login(name, "secret1");
        var me = api.withToken(token).get("/users/me").json();
        assertThat(me.get("role").asString()).isEqualTo("user");
        assertThat(me.get("store_ids")).isEmpty();
        var listed = api.withToken(token).get("/orders/");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("X-Total-Count")).isEqualTo("0");
        assertProblem(api.withToken(token).get("/stores/" + STORE_A + "/inventory"), 404, "Store not found");
    }

    @Test
    void cashiersAndManagersCannotGrantStoresEvenTheirOwn() {
        for (var caller : List.of(
                accounts.create(Role.USER, STORE_A),
                accounts.create(Role.MANAGER, STORE_A),
                accounts.create(Role.MANAGER))) {
            var minting = registration(unique("minted"), "secret1");
            minting.put("store_ids", List.of(STORE_A));
            assertProblem(register(minting, caller.token()), 403, "Only an admin may grant store access");
        }
    }

    @Test
    void anAdminLimitedToStoresGrantsOnlyThoseStores() {
        var limited = accounts.create(Role.ADMIN, STORE_A);

        assertThat(register(withStores(Role.USER, STORE_A), limited.token()).status())
                .isEqualTo(200);
        assertThat(register(withStores(Role.MANAGER, STORE_A), limited.token()).status())
                .isEqualTo(200);
        assertProblem(
                register(withStores(Role.USER, STORE_B), limited.token()),
                403,
                "Cannot grant access to stores outside your own");
        assertProblem(register(withStores(Role.USER, STORE_A, STORE_B), limited.token()), 403, null);
        assertProblem(
                register(withStores(Role.MANAGER), limited.token()),
                403,
                "Only an admin with access to every store may give a manager every store");
        // a cashier with no store has no access at all: nothing wider than the admin's
        assertThat(register(withStores(Role.USER), limited.token()).status()).isEqualTo(200);
    }

    @Test
    void anAdminOfEveryStoreGrantsAnything() {
        var admin = accounts.create(Role.ADMIN);
        assertThat(register(withStores(Role.MANAGER), admin.token()).status()).isEqualTo(200);
        assertThat(register(withStores(Role.USER, STORE_A, STORE_B), admin.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAdminLimitedToStoresCannotWidenOrTouchWiderAccounts() {
        var limited = accounts.create(Role.ADMIN, STORE_A);
        var cashier = accounts.create(Role.USER, STORE_A);
        var everyStoreManager = accounts.create(Role.MANAGER);

        assertProblem(patch(cashier, limited, Map.of("store_ids", List.of(STORE_B))), 403, null);
        assertProblem(patch(cashier, limited, Map.of("role", "manager", "store_ids", List.of())), 403, null);
        // a cashier made manager keeps store A only: allowed
        assertThat(patch(cashier, limited, Map.of("role", "manager")).status()).isEqualTo(200);
        assertProblem(
                patch(everyStoreManager, limited, Map.of("active", false)),
                403,
                "Cannot administer an account with access to stores outside your own");
        assertThat(userActive(everyStoreManager)).isTrue();
    }

    private ApiClient.Response patch(TestAccounts.Account target, TestAccounts.Account by, Map<String, Object> body) {
        return api.withToken(by.token()).patch("/users/" + target.id(), body);
    }

    private boolean userActive(TestAccounts.Account account) {
        var admin = api.withToken(accounts.create(Role.ADMIN).token());
        return admin.get("/users/" + account.id()).json().get("active").asBoolean();
    }

    private static Map<String, Object> withStores(Role role, String... stores) {
        var body = registration(unique(role.wireName()), "secret1");
        body.put("role", role.wireName());
        body.put("store_ids", List.of(stores));
        return body;
    }
}
