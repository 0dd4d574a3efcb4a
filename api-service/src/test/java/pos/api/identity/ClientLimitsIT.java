package pos.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import pos.testing.ApiClient;

/**
 * The limits per client address through the real endpoints (the shared test application lifts them):
 * registrations without an admin's token and logins are counted per address, so one address cannot make the
 * service hash passwords at full speed, while other addresses, and an admin registering a till fleet, carry on.
 * The registration limit is at its default size; the login limit is smaller than its default (120) to keep the
 * test short. Refills are slowed down so a slow machine cannot refill a bucket while the test drains it.
 */
@TestPropertySource(
        properties = {
            "pos.security.client-limits.login-capacity=20",
            "pos.security.client-limits.login-refill-every=1h",
            "pos.security.client-limits.registration-capacity=10",
            "pos.security.client-limits.registration-refill-every=1h"
        })
class ClientLimitsIT extends IdentityITSupport {

    @Test
    void anAddressGetsTenRegistrationsAtOnceThen429WithRetryAfter() {
        var flooder = api.from("203.0.113.70");
        for (int i = 0; i < 10; i++) {
            assertThat(register(flooder, null).status()).isEqualTo(200);
        }
        var refused = register(flooder, null);
        assertProblem(refused, 429, "Too many registrations from this address; try again later");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3000L, 3600L);

        assertThat(register(api.from("203.0.113.71"), null).status()).isEqualTo(200);
    }

    @Test
    void anAdminRegisteringATillFleetIsNotLimited() {
        var admin = accounts.create(Role.ADMIN);
        var office = api.from("203.0.113.80");
        for (int i = 0; i < 25; i++) {
            assertThat(register(office, admin.token()).status()).isEqualTo(200);
        }
    }

    @Test
    void anAddressGetsItsBurstOfLoginsThen429() {
        var user = accounts.create(Role.USER);
        var fleet = api.from("203.0.113.90");
        var credentials = Map.of("username", user.username(), "password", TestAccounts.PASSWORD);
        for (int i = 0; i < 20; i++) {
            assertThat(fleet.post("/auth/login", credentials).status()).isEqualTo(200);
        }
        var refused = fleet.post("/auth/login", credentials);
        assertProblem(refused, 429, "Too many login attempts from this address; try again later");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3000L, 3600L);

        assertThat(api.from("203.0.113.91").post("/auth/login", credentials).status())
                .isEqualTo(200);
    }

    private ApiClient.Response register(ApiClient client, String token) {
        String username =
                "limit" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return client.withToken(token).post("/auth/register", registration(username, "secret1"));
    }
}
