package pos.api.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import pos.api.identity.CurrentUser;
import pos.api.identity.IdentityProperties;
import pos.api.identity.Role;
import pos.api.support.TestInfrastructure;

/**
 * Start-up of the account store and the first-account rule (on as on the local stack, unless a test says
 * otherwise), against a MongoDB-wire server, without Spring.
 */
class AccountsBootstrapIT {

    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(4);
    private final Clock clock = Clock.systemUTC();
    private com.mongodb.client.MongoClient client;
    private MongoTemplate mongo;
    private MongoUserAccounts accounts;

    @BeforeEach
    void freshDatabase() {
        String database = "bootstrap_" + UUID.randomUUID().toString().replace("-", "");
        String uri = TestInfrastructure.mongoUri(database);
        client = MongoClients.create(uri.substring(0, uri.lastIndexOf('/')));
        mongo = new MongoTemplate(client, database);
        accounts = new MongoUserAccounts(mongo);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void createsTheConfiguredAdminAndThenRegistrationsGetUser() {
        bootstrap(new IdentityProperties.BootstrapAdmin("Root", "root-password", null, "Administrator"));

        var admin = accounts.findCredentials("root").orElseThrow();
        assertThat(admin.account().role()).isEqualTo(Role.ADMIN);
        assertThat(admin.account().email()).isEqualTo("Root@bootstrap.invalid");
        assertThat(passwords.matches("root-password", admin.passwordHash())).isTrue();
        assertThat(register("first").role()).isEqualTo(Role.USER);
    }

    @Test
    void leavesAnExistingBootstrapAdminAlone() {
        var admin = new IdentityProperties.BootstrapAdmin("root", "root-password", "root@example.com", "Admin");
        bootstrap(admin);
        bootstrap(new IdentityProperties.BootstrapAdmin("ROOT", "other-password", "root@example.com", "Admin"));

        assertThat(accounts.count()).isEqualTo(1);
        assertThat(passwords.matches(
                        "root-password",
                        accounts.findCredentials("root").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void refusesToStartWhenTheBootstrapUsernameBelongsToAnAccountThatIsNotAnAdmin() {
        bootstrap(new IdentityProperties.BootstrapAdmin(null, null, null, "Administrator"));
        register("first");
        var squatter = register("root");
        assertThat(squatter.role()).isEqualTo(Role.USER);

        assertThatThrownBy(() -> bootstrap(
                        new IdentityProperties.BootstrapAdmin("Root", "root-password", null, "Administrator")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Bootstrap admin 'Root' exists with role user, not admin");
        assertThat(accounts.findCredentials("root").orElseThrow().account().role())
                .isEqualTo(Role.USER);
    }

    @Test
    void onADeploymentTheFirstAccountRegisteredIsAPlainCashierWithNoStore() {
        bootstrap(new IdentityProperties.BootstrapAdmin(null, null, null, "Administrator"));
        var request = new RegisterRequest("Name", "stranger@example.com", "stranger", "secret1", null, null);

        var first = new Registrations(accounts, passwords, clock, false).register(request, null);

        assertThat(first.role()).isEqualTo(Role.USER);
        assertThat(first.storeIds()).isEmpty();
        assertThat(accounts.countActiveCashiersWithoutStores()).isEqualTo(1);
    }

    @Test
    void refusesToStartWithAnUnacceptableBootstrapPassword() {
        assertThatThrownBy(() -> bootstrap(new IdentityProperties.BootstrapAdmin("root", "12345", null, "Admin")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 6");
        assertThatThrownBy(() -> bootstrap(new IdentityProperties.BootstrapAdmin("root", null, null, "Admin")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void adoptsUsersOfTheOriginalServiceAndGivesNobodyAdminByRegistering() {
        mongo.getCollection(MongoUserAccounts.USERS)
                .insertOne(new Document("name", "Old Alice")
                        .append("email", "Alice@Example.com")
                        .append("username", "Alice")
                        .append("role", "user")
                        .append("password", passwords.encode("old-secret"))
                        .append("created_at", new Date())
                        .append("created_by", null));

        bootstrap(new IdentityProperties.BootstrapAdmin(null, null, null, "Administrator"));

        var old = accounts.findCredentials("ALICE").orElseThrow().account();
        assertThat(old.active()).isTrue();
        assertThat(old.storeIds()).isEmpty();
        assertThat(register("newcomer").role()).isEqualTo(Role.USER);
        assertThatThrownBy(() -> register("alice")).hasMessage("Username already exists");
    }

    @Test
    void ofTenRacingFirstRegistrationsExactlyOneBecomesAdmin() throws Exception {
        bootstrap(new IdentityProperties.BootstrapAdmin(null, null, null, "Administrator"));
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(10);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<UserAccount>>();
            for (int i = 0; i < 10; i++) {
                String name = "racer" + i;
                futures.add(pool.submit((Callable<UserAccount>) () -> {
                    start.await();
                    return register(name);
                }));
            }
            start.countDown();
            var roles = new ArrayList<Role>();
            for (var future : futures) {
                roles.add(future.get().role());
            }
            assertThat(roles).filteredOn(r -> r == Role.ADMIN).hasSize(1);
            assertThat(roles).filteredOn(r -> r == Role.USER).hasSize(9);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAdminRegisteringTheFirstLocalAccountChoosesItsRole() {
        bootstrap(new IdentityProperties.BootstrapAdmin(null, null, null, "Administrator"));
        var externalAdmin = new CurrentUser("kc-subject", "keycloak-admin", Set.of(Role.ADMIN), Set.of());
        var request = new RegisterRequest("Cashier", "cashier@example.com", "cashier", "secret1", null, null);

        assertThat(new Registrations(accounts, passwords, clock, true)
                        .register(request, externalAdmin)
                        .role())
                .isEqualTo(Role.USER);
        assertThat(register("later").role()).isEqualTo(Role.USER);
    }

    private void bootstrap(IdentityProperties.BootstrapAdmin admin) {
        new AccountsBootstrap(accounts, passwords, admin, clock).afterPropertiesSet();
    }

    private UserAccount register(String username) {
        var request = new RegisterRequest("Name", username + "@example.com", username, "secret1", null, List.of());
        try {
            return new Registrations(accounts, passwords, clock, true).register(request, null);
        } catch (pos.api.web.ApiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
