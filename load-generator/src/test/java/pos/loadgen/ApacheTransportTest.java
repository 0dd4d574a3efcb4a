package pos.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's client against a JDK HTTP server: what it sends and what it hands back. */
class ApacheTransportTest {

    HttpServer server;
    ApacheTransport transport = new ApacheTransport(4, 1, Duration.ofSeconds(5));
    final AtomicReference<String> received = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/orders/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " " + body);
            var answer = "{\"status\":\"created\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop(0);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void sendsMethodHeadersAndJsonBodyAndHandsBackStatusBodyAndHeaders() throws Exception {
        var api = new PosApi(uri(""), transport);

        var reply = api.post("/orders/", "t0ken", Map.of("store_id", "s1"), Map.of("Idempotency-Key", "k-1"))
                .get(10, TimeUnit.SECONDS);

        assertThat(received.get()).isEqualTo("POST /orders/ application/json; charset=UTF-8 k-1 {\"store_id\":\"s1\"}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("status").asString()).isEqualTo("created");
        assertThat(reply.header("Idempotent-Replayed", "true")).isTrue();
    }

    @Test
    void aGetHasNoBody() throws Exception {
        var reply = transport.send("GET", uri("/orders/x"), Map.of(), null).get(10, TimeUnit.SECONDS);

        assertThat(received.get()).isEqualTo("GET /orders/x null null ");
        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void aServerThatIsNotThereIsAFailureNamedByItsKind() {
        server.stop(0);

        assertThatThrownBy(() ->
                        transport.send("GET", uri("/orders/"), Map.of(), null).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(PosApi.failureKind(e)).isNotBlank());
    }
}
