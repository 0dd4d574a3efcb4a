package pos.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import pos.api.identity.account.MongoUserAccounts;

/** The user resources, deactivation, and what the tokens and JWKS look like from outside. */
class UsersIT extends IdentityITSupport {

    private static final String STORE = "65c0ffee0000000000000001";

    @Autowired
    MongoTemplate mongo;

    @Test
    void showsTheOriginalUserShapeWithIdsRolesAndUtcTimestamps() {
        var user = accounts.create(Role.USER, STORE);
        var me = api.withToken(user.token()).get("/users/me/");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        var json = me.json();
        assertThat(json.get("_id").asString()).isEqualTo(user.id());
        assertThat(json.get("id").asString()).isEqualTo(user.id());
        assertThat(json.get("username").asString()).isEqualTo(user.username());
        assertThat(json.get("email").asString()).isEqualTo(user.username() + "@example.com");
        assertThat(json.get("name").asString()).isEqualTo("Test user");
        assertThat(json.get("role").asString()).isEqualTo("user");
        assertThat(json.get("roles").get(0).asString()).isEqualTo("user");
        assertThat(json.get("store_ids").get(0).asString()).isEqualTo(STORE);
        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("isDeleted").asBoolean()).isFalse();
        assertThat(json.get("created_at").asString())
                .endsWith("Z")
                .isEqualTo(json.get("createdAt").asString());
        assertThat(Instant.parse(json.get("created_at").asString()))
                .isEqualTo(user.user().createdAt());
        assertThat(json.has("updated_at")).isTrue();
        assertThat(json.has("password")).isFalse();
    }

    @Test
    void aUserReadsThemselvesOnlyAndAnAdminReadsAnyone() {
        var alice = accounts.create(Role.USER);
        var bob = accounts.create(Role.MANAGER);
        var admin = accounts.create(Role.ADMIN);

        assertThat(api.withToken(alice.token()).get("/users/" + alice.id()).status())
                .isEqualTo(200);
        assertProblem(api.withToken(alice.token()).get("/users/" + bob.id()), 403, null);
        assertProblem(api.withToken(alice.token()).get("/users/" + new ObjectId().toHexString()), 403, null);
        assertThat(api.withToken(admin.token())
                        .get("/users/" + alice.id())
                        .json()
                        .get("username")
                        .asString())
                .isEqualTo(alice.username());
        assertProblem(
                api.withToken(admin.token()).get("/users/" + new ObjectId().toHexString()), 404, "User not found");
        assertProblem(api.withToken(admin.token()).get("/users/not-an-id"), 400, "Invalid user_id");
    }

    @Test
    void listsUsersForAdminsWithPagingAndTotalCount() {
        var admin = accounts.create(Role.ADMIN);
        accounts.create(Role.USER);
        accounts.create(Role.USER);

        var page = api.withToken(admin.token()).get("/users/?limit=2&skip=1");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().size()).isEqualTo(2);
        long total = Long.parseLong(page.header("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3);

        var firstPage = api.withToken(admin.token()).get("/users");
        assertThat(firstPage.json().size()).isEqualTo((int) Math.min(20, total));
        assertProblem(api.withToken(admin.token()).get("/users?limit=0"), 400, null);
        assertProblem(api.withToken(admin.token()).get("/users?limit=101"), 400, null);
        assertProblem(api.withToken(admin.token()).get("/users?skip=-1"), 400, null);
        assertProblem(api.withToken(admin.token()).get("/users?limit=abc"), 400, null);
    }

    @Test
    void anAdminChangesRoleStoresNameAndEmailAndOldTokensFollow() {
        var admin = accounts.create(Role.ADMIN);
        var user = accounts.create(Role.USER);
        var patch = Map.of(
                "role",
                "manager",
                "store_ids",
                List.of(STORE.toUpperCase()),
                "name",
                " Manager Mo ",
                "email",
                "mo-" + user.username() + "@example.com");

        var changed = api.withToken(admin.token()).patch("/users/" + user.id(), patch);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("role").asString()).isEqualTo("manager");
        assertThat(changed.json().get("store_ids").get(0).asString()).isEqualTo(STORE);
        assertThat(changed.json().get("name").asString()).isEqualTo("Manager Mo");
        assertThat(changed.json().get("updated_by").asString()).isEqualTo(admin.id());
        assertProblem(api.withToken(user.token()).get("/users/me"), 401, "Invalid token");

        var relogin = api.withToken(user.token())
                .post("/auth/login", Map.of("username", user.username(), "password", TestAccounts.PASSWORD));
        assertThat(relogin.status())
                .as("a stale token sent along does not block logging in again")
                .isEqualTo(200);
        var fresh = login(user.username(), TestAccounts.PASSWORD);
        assertThat(api.withToken(fresh)
                        .get("/users/me")
                        .json()
                        .get("roles")
                        .get(0)
                        .asString())
                .isEqualTo("manager");
    }

    @Test
    void refusesBadUpdates() {
        var admin = accounts.create(Role.ADMIN);
        var user = accounts.create(Role.USER);
        var other = accounts.create(Role.USER);

        assertProblem(
                api.withToken(admin.token())
                        .patch(
                                "/users/" + user.id(),
                                Map.of("email", other.username().toUpperCase() + "@example.com")),
                400,
                "Email already exists");
        assertProblem(api.withToken(admin.token()).patch("/users/" + user.id(), Map.of("role", "root")), 400, null);
        assertProblem(
                api.withToken(admin.token()).patch("/users/" + new ObjectId().toHexString(), Map.of("name", "x")),
                404,
                "User not found");
        assertProblem(api.withToken(admin.token()).patch("/users/xyz", Map.of("name", "x")), 400, null);
        assertProblem(api.withToken(admin.token()).patch("/users/" + admin.id(), Map.of("role", "user")), 409, null);
        assertProblem(api.withToken(admin.token()).delete("/users/" + admin.id()), 409, null);
    }

    @Test
    void deactivationStopsTheUsersTokensAtOnceAndReactivationRestoresLogin() {
        var admin = accounts.create(Role.ADMIN);
        var user = accounts.create(Role.USER);
        assertThat(api.withToken(user.token()).get("/users/me").status()).isEqualTo(200);

        var deleted = api.withToken(admin.token()).delete("/users/" + user.id() + "/");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("active").asBoolean()).isFalse();
        assertThat(deleted.json().get("isDeleted").asBoolean()).isTrue();
        assertThat(deleted.json().get("deleted_at").asString()).endsWith("Z");
        assertThat(deleted.json().get("deleted_by").asString()).isEqualTo(admin.id());
        var refused = api.withToken(user.token()).get("/users/me");
        assertProblem(refused, 401, "Invalid token");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");

        var again = api.withToken(admin.token()).delete("/users/" + user.id());
        assertThat(again.json().get("deleted_at").asString())
                .isEqualTo(deleted.json().get("deleted_at").asString());

        assertThat(api.withToken(admin.token())
                        .patch("/users/" + user.id(), Map.of("active", true))
                        .json()
                        .get("deleted_at")
                        .isNull())
                .isTrue();
        assertThat(login(user.username(), TestAccounts.PASSWORD)).isNotBlank();
    }

    @Test
    void thePasswordHashNeverLeavesTheService() {
        var admin = accounts.create(Role.ADMIN);
        String username = unique("hash");
        var bodies = new ArrayList<String>();

        var registered = register(registration(username, "secret1"), null);
        String id = registered.json().get("id").asString();
        bodies.add(registered.body());
        var login = api.post("/auth/login", Map.of("username", username, "password", "secret1"));
        bodies.add(login.body());
        String token = login.json().get("access_token").asString();
        bodies.add(api.withToken(token).get("/users/me").body());
        bodies.add(api.withToken(token).get("/users/" + id).body());
        bodies.add(api.withToken(admin.token()).get("/users/" + id).body());
        bodies.add(api.withToken(admin.token()).get("/users?limit=100").body());
        bodies.add(api.withToken(admin.token())
                .patch("/users/" + id, Map.of("name", "Renamed"))
                .body());
        bodies.add(api.withToken(admin.token()).delete("/users/" + id).body());
        bodies.add(payload(token));

        String hash = mongo.findOne(
                        Query.query(Criteria.where("_id").is(new ObjectId(id))),
                        Document.class,
                        MongoUserAccounts.USERS)
                .getString("password");
        assertThat(hash).startsWith("$2");
        assertThat(bodies)
                .hasSize(9)
                .allSatisfy(body -> assertThat(body)
                        .doesNotContain(hash)
                        .doesNotContain(hash.substring(7))
                        .doesNotContain("\"password\"")
                        .doesNotContainPattern("\\$2[aby]\\$"));
    }

    @Test
    void signsTokensWithTheKeyPublishedAsJwksAndTheAgreedClaims() throws Exception {
        var user = accounts.create(Role.MANAGER, STORE);
        String token = login(user.username(), TestAccounts.PASSWORD);

        var jwks = api.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
        var key = JWKSet.parse(jwks.body()).getKeys().get(0).toRSAKey();
        var jwt = SignedJWT.parse(token);

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(user.id());
        assertThat(claims.getStringClaim("username")).isEqualTo(user.username());
        assertThat(claims.getStringListClaim("roles")).containsExactly("manager");
        assertThat(claims.getStringListClaim("store_ids")).containsExactly(STORE);
        assertThat(claims.getIssuer()).isEqualTo("pos-api");
        assertThat(claims.getAudience()).containsExactly("pos-api");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(3_600_000L);
    }

    private static String payload(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
