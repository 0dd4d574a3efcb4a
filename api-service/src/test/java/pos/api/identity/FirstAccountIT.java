package pos.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import pos.api.identity.account.MongoUserAccounts;

/**
 * The very first account of an empty system becomes admin. The test database is shared by the IT classes of this
 * JVM, so this class empties the accounts first (documents only: the unique indexes stay).
 */
class FirstAccountIT extends IdentityITSupport {

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptySystem() {
        mongo.remove(new Query(), MongoUserAccounts.USERS);
        mongo.remove(new Query(), "identity_markers");
    }

    @Test
    void firstAccountBecomesAdminAndTheNextOnesAreUsers() {
        String first = unique("first");
        String second = unique("second");
        assertThat(register(registration(first, "secret1"), null).status()).isEqualTo(200);
        assertThat(register(registration(second, "secret1"), null).status()).isEqualTo(200);

        String adminToken = login(first, "secret1");
        assertThat(api.withToken(adminToken).get("/users/me").json().get("role").asString())
                .isEqualTo("admin");
        assertThat(api.withToken(login(second, "secret1")).get("/users/me").text("role"))
                .isEqualTo("user");

        var wantsAdmin = registration(unique("third"), "secret1");
        wantsAdmin.put("role", "admin");
        assertProblem(register(wantsAdmin, null), 403, "Only an admin may register an account with role admin");
        assertThat(register(wantsAdmin, adminToken).status()).isEqualTo(200);
    }

    @Test
    void onAnEmptySystemAskingForAdminWithoutATokenIsStillRefused() {
        var wantsAdmin = registration(unique("eager"), "secret1");
        wantsAdmin.put("role", "admin");
        assertProblem(register(wantsAdmin, null), 403, null);

        String next = unique("next");
        assertThat(register(registration(next, "secret1"), null).status()).isEqualTo(200);
        assertThat(api.withToken(login(next, "secret1")).get("/users/me").text("role"))
                .isEqualTo("admin");
    }
}
