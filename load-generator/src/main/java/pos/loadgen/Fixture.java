package pos.loadgen;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * The data a run needs, created through the API as an operator would: an admin, products, generous stock of every
 * product in every store, and cashier accounts. Names carry a run tag, so runs against one system do not collide.
 */
record Fixture(
        String runTag, String adminToken, List<String> storeIds, List<String> productIds, List<Cashier> cashiers) {

    /** A till's account: registered by the admin for one store, as store access is granted, never taken. */
    record Cashier(String token, String storeId) {}

    /** Far more than a run sells, so orders are decided by the processors' logic, not by running out. */
    static final String INITIAL_STOCK = "1000000";

    private static final int SETUP_CONCURRENCY = 16;
    private static final int SETUP_ATTEMPTS = 20;

    /** Idempotency-Keys of one run and workload, unique across runs against the same system. */
    String keyPrefix(String runId, String workload) {
        return runTag + "-" + runId + "-" + workload + "-";
    }

    static Fixture create(PosApi api, BenchmarkOptions options, PrintStream log) {
        var runTag = Long.toString(System.currentTimeMillis(), 36);
        long started = System.nanoTime();
        var adminToken = adminToken(api, options.adminUser(), options.adminPassword());

        var random = new Random(options.seed());
        var storeIds = new ArrayList<String>();
        for (int i = 0; i < options.stores(); i++) {
            // stores are client-chosen ObjectIds; random ones keep runs against one system apart
            storeIds.add(String.format("%08x%016x", random.nextInt() & 0x7fffffff, random.nextLong()));
        }

        var productIds = inParallel(
                options.products(),
                i -> api.post(
                                "/products/",
                                adminToken,
                                Map.of("name", "Bench " + runTag + " product " + i, "price", price(i)),
                                Map.of())
                        .thenApply(reply -> expect(reply, 200, "create product")
                                .json()
                                .get("_id")
                                .asString()));

        int pairs = storeIds.size() * productIds.size();
        inParallel(pairs, i -> {
            var store = storeIds.get(i / productIds.size());
            var product = productIds.get(i % productIds.size());
            return adjustUntilDecided(api, adminToken, store, product, runTag + "-setup-" + i, SETUP_ATTEMPTS);
        });

        var cashiers = inParallel(options.users(), i -> {
            var username = "bench-" + runTag + "-cashier-" + i;
            var password = "secret-" + username;
            var store = storeIds.get(i % storeIds.size());
            return api.post(
                            "/auth/register",
                            adminToken,
                            Map.of(
                                    "name",
                                    "Cashier " + i,
                                    "email",
                                    username + "@example.com",
                                    "username",
                                    username,
                                    "password",
                                    password,
                                    "store_ids",
                                    List.of(store)),
                            Map.of())
                    .thenApply(reply -> expect(reply, 200, "register " + username))
                    .thenCompose(registered ->
                            api.post("/auth/login", null, Map.of("username", username, "password", password), Map.of()))
                    .thenApply(reply -> new Cashier(
                            expect(reply, 200, "login " + username)
                                    .json()
                                    .get("access_token")
                                    .asString(),
                            store));
        });

        log.printf(
                "Setup: %d products, %d stores x %d products stocked with %s each, %d cashiers (%.1f s)%n",
                productIds.size(),
                storeIds.size(),
                productIds.size(),
                INITIAL_STOCK,
                cashiers.size(),
                (System.nanoTime() - started) / 1e9);
        return new Fixture(runTag, adminToken, List.copyOf(storeIds), List.copyOf(productIds), List.copyOf(cashiers));
    }

    /**
     * A 202 means the processor had not decided within the API's wait (a slow machine): the same request with the
     * same Idempotency-Key picks the adjustment up again without applying it twice, as a till would retry.
     */
    private static CompletableFuture<PosApi.Reply> adjustUntilDecided(
            PosApi api, String token, String store, String product, String key, int attemptsLeft) {
        return api.post(
                        "/stores/" + store + "/inventory/adjust",
                        token,
                        Map.of("product_id", product, "delta", INITIAL_STOCK, "reason", "benchmark setup"),
                        Map.of("Idempotency-Key", key))
                .thenCompose(reply -> reply.status() == 202 && attemptsLeft > 1
                        ? adjustUntilDecided(api, token, store, product, key, attemptsLeft - 1)
                        : CompletableFuture.completedFuture(expect(reply, 200, "stock " + store + "/" + product)));
    }

    /**
     * Registers the admin (the first account of an empty local stack is one) or, if it exists (a bootstrap admin
     * of a deployment, given with --admin-user and --admin-password), logs in.
     */
    private static String adminToken(PosApi api, String username, String password) {
        var registered = PosApi.await(api.post(
                "/auth/register",
                null,
                Map.of(
                        "name",
                        "Benchmark admin",
                        "email",
                        username + "@example.com",
                        "username",
                        username,
                        "password",
                        password),
                Map.of()));
        if (registered.status() != 200 && registered.status() != 400) {
            throw new IllegalStateException(
                    "registering " + username + " answered " + registered.status() + ": " + registered.body());
        }
        var login = expect(
                PosApi.await(
                        api.post("/auth/login", null, Map.of("username", username, "password", password), Map.of())),
                200,
                "admin login");
        var token = login.json().get("access_token").asString();
        var me = expect(PosApi.await(api.get("/users/me", token)), 200, "GET /users/me");
        if (!"admin".equals(me.json().path("role").asString(""))) {
            throw new IllegalStateException(username + " is not an admin on this system (it had users before?); "
                    + "pass --admin-user and --admin-password of an admin account");
        }
        return token;
    }

    private static String price(int i) {
        return (100 + (i % 20) * 25) / 100 + "." + String.format("%02d", (100 + (i % 20) * 25) % 100);
    }

    private static PosApi.Reply expect(PosApi.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    /** Runs {@code count} requests, at most {@link #SETUP_CONCURRENCY} at once, and returns their results in order. */
    private static <T> List<T> inParallel(int count, IntFunction<CompletableFuture<T>> task) {
        var permits = new Semaphore(SETUP_CONCURRENCY);
        var futures = new ArrayList<CompletableFuture<T>>(count);
        for (int i = 0; i < count; i++) {
            permits.acquireUninterruptibly();
            var future = task.apply(i);
            future.whenComplete((result, error) -> permits.release());
            futures.add(future);
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
