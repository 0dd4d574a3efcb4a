package pos.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.types.ObjectId;
import pos.testing.ApiClient;
import pos.testing.FreePorts;
import pos.testing.JavaProcess;

/**
 * One fault run: the system on a {@link FaultStack}, a catalog of a few products stocked scarcely in several
 * stores, tills working while {@link Chaos} strikes, then the check that every invariant holds once the system has
 * settled. Logs and broker data stay under {@code target/fault-tests/} for a post-mortem.
 */
final class FaultRun implements AutoCloseable {

    static final int STORES = 4;
    static final int PRODUCTS = 3;
    static final BigDecimal INITIAL_STOCK = BigDecimal.valueOf(4);
    /** Starting a JVM on a busy 2-core machine, or restoring Streams state after a crash, can take a while. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);

    final FaultSettings settings;
    final FaultStack stack;
    final ClientLedger ledger = new ClientLedger();
    final Random random;
    final int apiPort = FreePorts.next();
    private final List<String> stores = new ArrayList<>();
    private final List<String> products = new ArrayList<>();
    private ApiClient admin;

    FaultRun(String name, FaultSettings settings, int partitions) throws Exception {
        this.settings = settings;
        this.random = new Random(settings.seed());
        var workDir = Path.of("target", "fault-tests", name + "-" + System.currentTimeMillis())
                .toAbsolutePath();
        System.out.printf(
                "%s: load %s, seed %d, %d tills, files in %s%n",
                name, settings.load(), settings.seed(), settings.tills(), workDir);
        stack = FaultStack.start(workDir, partitions);
    }

    String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    static void startAll(JavaProcess... services) {
        for (var service : services) {
            service.start();
        }
        for (var service : services) {
            service.awaitReady(START_TIMEOUT);
        }
    }

    /** An admin, a catalog and the initial stock of every product in every store. */
    void prepareCatalog() {
        admin = ApiClient.at(apiUrl()).withTimeout(Duration.ofSeconds(20)).registerAndLogin("fault-admin");
        for (int i = 0; i < PRODUCTS; i++) {
            var product = admin.post("/products/", Map.of("name", "Product " + i, "price", "2.50"));
            assertThat(product.status()).as("%s", product.body()).isEqualTo(200);
            products.add(product.text("_id"));
        }
        for (int i = 0; i < STORES; i++) {
            stores.add(new ObjectId().toHexString());
        }
        workload().stockUp(INITIAL_STOCK, Instant.now().plus(START_TIMEOUT));
    }

    /** Tills work for the configured load time while the chaos plan runs, then finish what they started. */
    void runLoad(List<Chaos.Fault> faults) throws Exception {
        var started = Instant.now();
        var loadEnds = started.plus(settings.load());
        try (var chaos = new Chaos(faults)) {
            chaos.start(started);
            workload().run(settings.tills(), settings.seed(), loadEnds, loadEnds.plus(SETTLE_TIMEOUT));
            chaos.close();
            System.out.println("faults: " + chaos.log());
            assertThat(chaos.faultsDone()).as("faults done").isEqualTo(faults.size());
        }
    }

    /** Waits until the read models have caught up and everything adds up; fails with what does not. */
    void assertInvariantsOnceSettled() {
        assertThat(ledger.anomalies()).as("answers no correct system gives").isEmpty();
        var orders = ledger.orders();
        System.out.printf(
                "orders %d (rejected %d), adjustments %d, status changes confirmed %d%n",
                orders.size(),
                orders.stream()
                        .filter(o -> o.answer() == pos.schemas.value.OrderStatus.REJECTED)
                        .count(),
                ledger.adjustments().size(),
                ledger.confirmedStatuses().values().stream()
                        .mapToInt(List::size)
                        .sum());
        try (var reader = new ObservedStateReader(stack.bootstrapServers(), stack.mongoUri())) {
            var last = new AtomicReference<List<String>>(List.of());
            try {
                await("system settled with every invariant holding")
                        .atMost(SETTLE_TIMEOUT)
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> last.updateAndGet(v -> SystemInvariants.violations(reader.read(), ledger))
                                .isEmpty());
            } catch (ConditionTimeoutException e) {
                var violations = last.get();
                throw new AssertionError(
                        violations.size() + " invariant violation(s):\n  "
                                + String.join("\n  ", violations.subList(0, Math.min(40, violations.size())))
                                + "\n" + stack.logTails(),
                        e);
            }
            var state = reader.read();
            System.out.printf(
                    "settled: %d order events, %d stock changes, %d orders in the read model%n",
                    state.orderEvents().size(),
                    state.stockChanges().size(),
                    state.orderViews().size());
        }
        // a run where the tills got nothing done would prove nothing
        assertThat(orders).as("orders placed").hasSizeGreaterThanOrEqualTo(settings.tills());
    }

    private Workload workload() {
        return new Workload(admin, stores, products, ledger);
    }

    /**
     * Fault times spread over the load: one every 12 to 24 s, starting after 5 s. A restarted processor needs
     * 10 to 40 s on a busy machine before it works again, so denser faults would leave hardly any work done.
     */
    List<Duration> faultTimes() {
        var times = new ArrayList<Duration>();
        var at = Duration.ofSeconds(5);
        while (at.compareTo(settings.load()) < 0) {
            times.add(at);
            at = at.plusSeconds(12 + random.nextInt(13));
        }
        return times;
    }

    @Override
    public void close() {
        stack.close();
    }
}
