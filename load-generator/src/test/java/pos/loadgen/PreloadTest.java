package pos.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preload against a stand-in API that answers the first attempt of every key with 202, as a slow system does. */
class PreloadTest {

    private HttpServer server;
    private final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();
    private final Map<String, String> storeByToken = new ConcurrentHashMap<>();
    private final List<String> mismatches = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void startStandInApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/orders/", exchange -> {
            var key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            var token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
            var body = PosApi.JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!body.path("store_id").asString().equals(storeByToken.get(token))) {
                mismatches.add(key);
            }
            int attempt =
                    attemptsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            var answer = (attempt == 1 ? "{\"status\":\"pending\"}" : "{\"order\":{\"id\":\"" + key + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(attempt == 1 ? 202 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyOrderIsPlacedOnceWithItsOwnKeyRetryingA202WithTheSameKey() {
        var cashiers = List.of(new Fixture.Cashier("token-a", "store-a"), new Fixture.Cashier("token-b", "store-b"));
        cashiers.forEach(cashier -> storeByToken.put(cashier.token(), cashier.storeId()));
        var fixture = new Fixture("tag", "admin", List.of("store-a", "store-b"), List.of("p1", "p2", "p3"), cashiers);
        var api = new PosApi(
                URI.create("http://localhost:" + server.getAddress().getPort()),
                HttpClient.newHttpClient(),
                Duration.ofSeconds(10));
        var log = new ByteArrayOutputStream();

        var result = Preload.run(api, fixture, 500, 32, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(result.placed()).isEqualTo(500);
        assertThat(result.failed()).isZero();
        assertThat(attemptsByKey).hasSize(500);
        assertThat(attemptsByKey.values())
                .allSatisfy(attempts -> assertThat(attempts.get()).isEqualTo(2));
        assertThat(mismatches)
                .as("orders placed in a store other than the cashier's")
                .isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Preload: 500 orders stored");
    }

    @Test
    void ordersSellOneOrTwoDistinctProductsOfTheCatalog() {
        var fixture =
                new Fixture("tag", "admin", List.of("s"), List.of("p1", "p2"), List.of(new Fixture.Cashier("t", "s")));

        assertThat(Preload.order(fixture, 0).get("items")).isEqualTo(List.of(Map.of("product_id", "p1", "qty", "1")));
        assertThat(Preload.order(fixture, 1).get("items"))
                .isEqualTo(List.of(Map.of("product_id", "p2", "qty", "1"), Map.of("product_id", "p1", "qty", "1")));
    }
}
