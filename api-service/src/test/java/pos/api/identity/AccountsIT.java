package pos.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pos.testing.ApiClient;
import tools.jackson.databind.JsonNode;

/** Registration and login over HTTP, as existing clients use them and as the fixes require. */
class AccountsIT extends IdentityITSupport {

    @Test
    void registersWithTheOriginalAnswerAndLogsInWithJson() {
        String username = unique("alice");
        var registered = register(registration(username, "secret1"), null);

        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(registered.json().propertyNames()).containsExactlyInAnyOrder("id", "username");
        assertThat(registered.json().get("id").asString()).matches("[0-9a-f]{24}");
        assertThat(registered.json().get("username").asString()).isEqualTo(username);

        var login = api.post("/auth/login/", Map.of("username", username, "password", "secret1"));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("token_type").asString()).isEqualTo("bearer");
        assertThat(login.json().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(login.json().get("access_token").asString()).isNotBlank();
        assertThat(login.header("Cache-Control")).contains("no-store");
    }

    @Test
    void logsInWithTheOriginalFormsIncludingThePasswordGrant() {
        var user = accounts.create(Role.USER);
        var urlencoded = api.form(
                "/auth/login",
                Map.of(
                        "username",
                        user.username(),
                        "password",
                        TestAccounts.PASSWORD,
                        "grant_type",
                        "password",
                        "scope",
                        "",
                        "client_id",
                        "till-7"));
        var multipart =
                api.multipart("/auth/login", Map.of("username", user.username(), "password", TestAccounts.PASSWORD));

        assertThat(urlencoded.status()).as(urlencoded.body()).isEqualTo(200);
        assertThat(urlencoded.json().get("access_token").asString()).isNotBlank();
        assertThat(multipart.status()).as(multipart.body()).isEqualTo(200);
        assertThat(api.withToken(multipart.text("access_token"))
                        .get("/users/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void answersInvalidCredentialsAlikeForWrongPasswordUnknownUserAndDeactivatedAccount() {
        var user = accounts.create(Role.USER);
        assertProblem(
                api.post("/auth/login", Map.of("username", user.username(), "password", "wrong-password")),
                401,
                "Invalid credentials");
        assertProblem(
                api.post("/auth/login", Map.of("username", unique("nobody"), "password", "whatever1")),
                401,
                "Invalid credentials");
        var admin = accounts.create(Role.ADMIN);
        assertThat(api.withToken(admin.token()).delete("/users/" + user.id()).status())
                .isEqualTo(200);
        assertProblem(
                api.post("/auth/login", Map.of("username", user.username(), "password", TestAccounts.PASSWORD)),
                401,
                "Invalid credentials");
    }

    @Test
    void usernamesAndEmailsAreUniqueWithoutRegardToCase() {
        String username = unique("Carol");
        assertThat(register(registration(username, "secret1"), null).status()).isEqualTo(200);

        var sameUsername = registration(username.toUpperCase(), "secret1");
        sameUsername.put("email", unique("other") + "@example.com");
        var refusedUsername = register(sameUsername, null);
        assertProblem(refusedUsername, 400, "Username already exists");
        assertThat(fields(refusedUsername)).containsExactly("username");

        var sameEmail = registration(unique("dave"), "secret1");
        sameEmail.put("email", username.toUpperCase() + "@EXAMPLE.com");
        var refusedEmail = register(sameEmail, null);
        assertProblem(refusedEmail, 400, "Email already exists");
        assertThat(fields(refusedEmail)).containsExactly("email");

        assertThat(login(username.toLowerCase(), "secret1")).isNotBlank();
    }

    @Test
    void onlyAnAdminMayRegisterHigherRoles() {
        var asManager = registration(unique("frank"), "secret1");
        asManager.put("role", "manager");
        assertProblem(register(asManager, null), 403, null);
        assertProblem(register(asManager, accounts.create(Role.USER).token()), 403, null);
        assertProblem(register(asManager, accounts.create(Role.MANAGER).token()), 403, null);

        var admin = accounts.create(Role.ADMIN);
        var created = register(asManager, admin.token());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        var user = api.withToken(admin.token())
                .get("/users/" + created.json().get("id").asString())
                .json();
        assertThat(user.get("role").asString()).isEqualTo("manager");
        assertThat(user.get("created_by").asString()).isEqualTo(admin.id());
    }

    @Test
    void tenRacingRegistrationsOfOneUsernameGiveOneAccountAndNineCleanRefusals() throws Exception {
        String username = unique("race");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(10);
        try {
            var attempts = IntStream.range(0, 10)
                    .mapToObj(i -> (Callable<ApiClient.Response>) () -> {
                        var body = registration(i % 2 == 0 ? username.toUpperCase() : username, "secret1");
                        body.put("email", username + i + "@example.com");
                        start.await();
                        return register(body, null);
                    })
                    .toList();
            var futures = attempts.stream().map(pool::submit).toList();
            start.countDown();
            var statuses = new java.util.ArrayList<Integer>();
            for (var future : futures) {
                var response = future.get();
                statuses.add(response.status());
                if (response.status() == 400) {
                    assertThat(response.json().get("detail").asString()).isEqualTo("Username already exists");
                }
            }
            assertThat(statuses).containsOnly(200, 400);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The original let wrong passwords from anywhere lock the real owner out, again and again. */
    @Test
    void wrongPasswordsHoldUpOnlyTheAddressThatSentThemAndOnlyForThatUsername() {
        var victim = accounts.create(Role.ADMIN);
        var bystander = accounts.create(Role.USER);
        var attacker = api.from("203.0.113." + (1 + new java.util.Random().nextInt(200)));
        for (int i = 0; i < 5; i++) {
            String name = i % 2 == 0 ? victim.username().toUpperCase() : victim.username();
            assertProblem(
                    attacker.post("/auth/login", Map.of("username", name, "password", "wrong-" + i)),
                    401,
                    "Invalid credentials");
        }

        var held =
                attacker.post("/auth/login", Map.of("username", victim.username(), "password", TestAccounts.PASSWORD));
        assertProblem(held, 429, null);
        assertThat(held.header("Retry-After")).isEqualTo("1");

        assertThat(login(victim.username(), TestAccounts.PASSWORD)).isNotBlank();
        assertThat(api.from("198.51.100.20")
                        .post("/auth/login", Map.of("username", victim.username(), "password", TestAccounts.PASSWORD))
                        .status())
                .isEqualTo(200);
        assertThat(attacker.post(
                                "/auth/login",
                                Map.of("username", bystander.username(), "password", TestAccounts.PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        var user = accounts.create(Role.USER);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(api.post("/auth/login", Map.of("username", user.username(), "password", "nope-nope"))
                                .status())
                        .isEqualTo(401);
            }
            assertThat(login(user.username(), TestAccounts.PASSWORD)).isNotBlank();
        }
    }

    private static java.util.List<String> fields(ApiClient.Response response) {
        JsonNode errors = response.json().get("errors");
        var names = new java.util.ArrayList<String>();
        errors.forEach(e -> names.add(e.get("field").asString()));
        return names;
    }
}
