package pos.loadgen;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills the system with orders before the measured runs, through the same path a till takes: a cashier's
 * {@code POST /orders/} with an Idempotency-Key, so topics, the ledger's state, the read models and the idempotency
 * records all grow as they would in a store. A 202 (not decided within the API's wait) or a 503 is sent again with
 * the same key, as a till retries. At most {@code concurrency} requests are in flight (32 unless
 * {@code --preload-concurrency}): a closed loop, as fast as the system answers.
 */
final class Preload {

    private static final int ATTEMPTS = 20;
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    /** How many orders were stored and how long it took. */
    record Result(long placed, long failed, double seconds) {

        double rate() {
            return seconds > 0 ? placed / seconds : 0;
        }
    }

    private Preload() {}

    static Result run(PosApi api, Fixture fixture, long orders, int concurrency, PrintStream log) {
        var permits = new Semaphore(concurrency);
        var placed = new AtomicLong();
        var failed = new AtomicLong();
        long started = System.nanoTime();
        long nextProgress = started + PROGRESS_NANOS;
        var keyPrefix = fixture.keyPrefix("preload", "order");
        for (long i = 0; i < orders; i++) {
            permits.acquireUninterruptibly();
            place(api, fixture, i, keyPrefix + i, ATTEMPTS).whenComplete((ok, error) -> {
                (error == null && ok ? placed : failed).incrementAndGet();
                permits.release();
            });
            long now = System.nanoTime();
            if (now >= nextProgress) {
                log.printf(
                        "  preloaded %,d of %,d orders (%.0f/s)%n",
                        placed.get(), orders, placed.get() / ((now - started) / 1e9));
                nextProgress = now + PROGRESS_NANOS;
            }
        }
        permits.acquireUninterruptibly(concurrency);
        var result = new Result(placed.get(), failed.get(), (System.nanoTime() - started) / 1e9);
        log.printf(
                "Preload: %,d orders stored in %.1f s (%.0f/s), %d failed%n",
                result.placed(), result.seconds(), result.rate(), result.failed());
        return result;
    }

    /** Order {@code index}: a cashier (round robin) sells one or two products of the catalog in its store. */
    static Map<String, Object> order(Fixture fixture, long index) {
        var cashier = cashier(fixture, index);
        var products = fixture.productIds();
        int first = (int) (index % products.size());
        var items = index % 2 == 0 || products.size() == 1
                ? List.of(Map.of("product_id", products.get(first), "qty", "1"))
                : List.of(
                        Map.of("product_id", products.get(first), "qty", "1"),
                        Map.of("product_id", products.get((first + 1) % products.size()), "qty", "1"));
        return Map.of("store_id", cashier.storeId(), "items", items);
    }

    private static Fixture.Cashier cashier(Fixture fixture, long index) {
        return fixture.cashiers().get((int) (index % fixture.cashiers().size()));
    }

    private static CompletableFuture<Boolean> place(
            PosApi api, Fixture fixture, long index, String key, int attemptsLeft) {
        return api.post(
                        "/orders/",
                        cashier(fixture, index).token(),
                        order(fixture, index),
                        Map.of("Idempotency-Key", key))
                .handle((reply, error) -> error == null ? reply.status() : -1)
                .thenCompose(status -> status == 200
                        ? CompletableFuture.completedFuture(true)
                        : (status == 202 || status == 503 || status == -1) && attemptsLeft > 1
                                ? place(api, fixture, index, key, attemptsLeft - 1)
                                : CompletableFuture.completedFuture(false));
    }
}
