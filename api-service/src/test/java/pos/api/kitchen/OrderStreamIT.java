package pos.api.kitchen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import pos.api.identity.Role;
import pos.api.identity.TestAccounts;
import pos.api.support.AbstractApiIT;
import pos.api.support.TestInfrastructure;
import pos.schemas.Topics;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.testing.ApiClient;

/**
 * The order stream on a real broker, with the events written straight to the topic (no processors): heartbeats,
 * store filtering, a Last-Event-ID beyond the topic's history, the instance limit, and a display whose pairing
 * manager is deactivated. Short heartbeats and a limit of three streams per instance, for this class only.
 */
@TestPropertySource(properties = {"pos.kitchen.heartbeat=300ms", "pos.kitchen.max-streams=3"})
class OrderStreamIT extends AbstractApiIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Lines> open = new ArrayList<>();
    private final String store = new ObjectId().toHexString();
    private TestAccounts accounts;

    /** The raw lines of one stream, read on a thread. */
    record Lines(HttpResponse<java.io.InputStream> response, List<String> lines) implements AutoCloseable {

        boolean has(String line) {
            return lines.contains(line);
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    @BeforeEach
    void accounts() {
        accounts = TestAccounts.of(context);
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /**
     * A stream whose client left keeps its slot until a heartbeat finds the connection gone: wait for that, so the
     * next test starts with every slot of the instance free whatever order the tests run in.
     */
    @AfterEach
    void closeStreams() throws Exception {
        for (var lines : open) {
            lines.close();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> meters.get("pos.kitchen.streams.open").gauge().value() == 0);
    }

    @Test
    void aQuietStreamGetsHeartbeatsAndOnlyItsStoresEvents() throws Exception {
        var cashier = accounts.create(Role.USER, store);
        var stream = open(cashier.token(), null);
        assertThat(stream.response().statusCode()).isEqualTo(200);
        assertThat(stream.response().headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/event-stream");
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.has("event:snapshot"));
        await().atMost(Duration.ofSeconds(5)).until(() -> stream.has(":keep-alive"));

        var elsewhere = publish(new ObjectId().toHexString());
        var mine = publish(store);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> stream.lines().stream().anyMatch(l -> l.contains(mine)));
        assertThat(stream.lines()).noneMatch(l -> l.contains(elsewhere));
        assertThat(stream.lines()).anyMatch(l -> l.matches("id:0:\\d+"));
    }

    @Test
    void aLastEventIdBeyondTheTopicsHistoryGetsAResetAndAFreshSnapshot() throws Exception {
        var cashier = accounts.create(Role.USER, store);
        for (var cursor : List.of("0:999999999", "5:0")) {
            var stream = open(cashier.token(), cursor);
            assertThat(stream.response().statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.has("event:snapshot"));
            assertThat(stream.lines().indexOf("event:reset"))
                    .isNotNegative()
                    .isLessThan(stream.lines().indexOf("event:snapshot"));
        }
    }

    @Test
    void pastTheInstanceLimitAStreamIsRefusedWith429() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(open(accounts.create(Role.USER, store).token(), null)
                            .response()
                            .statusCode())
                    .isEqualTo(200);
        }
        var refused = open(accounts.create(Role.USER, store).token(), null);
        assertThat(refused.response().statusCode()).isEqualTo(429);
        assertThat(refused.response().headers().firstValue("Retry-After")).contains("5");
        assertThat(refused.response().headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
    }

    @Test
    void aDisplayStreamEndsWhenItsPairingManagerIsDeactivated() throws Exception {
        var manager = accounts.create(Role.MANAGER, store);
        var admin = accounts.create(Role.ADMIN);
        var api = ApiClient.onLocalPort(port);
        var paired = api.withToken(manager.token()).post("/stores/" + store + "/displays", Map.of("name", "Pass"));
        assertThat(paired.status()).as(paired.body()).isEqualTo(201);
        var token = paired.json().get("token").asString();
        var stream = open(token, null);
        assertThat(stream.response().statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.has("event:snapshot"));

        assertThat(api.withToken(admin.token())
                        .patch("/users/" + manager.id(), Map.of("active", false))
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.has("event:end"));
        assertThat(open(token, null).response().statusCode()).isEqualTo(401);
    }

    private Lines open(String token, String lastEventId) throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/stores/" + store + "/orders/stream"))
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        var lines = new Lines(response, new CopyOnWriteArrayList<>());
        open.add(lines);
        var reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.lines().add(line.replace(": ", ":"));
                }
            } catch (java.io.IOException e) {
                // closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** An order event for the store, straight onto the topic; returns the order id. */
    private String publish(String storeId) throws Exception {
        var orderId = new ObjectId().toHexString();
        var now = Instant.now();
        var order = new OrderSnapshot(
                orderId,
                2,
                OrderStatus.CREATED,
                storeId,
                new ObjectId().toHexString(),
                null,
                List.of(),
                java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ZERO,
                List.of(),
                null,
                now,
                now);
        var event = new OrderStatusChanged(
                UUID.randomUUID().toString(),
                orderId,
                2,
                OrderStatus.PENDING,
                OrderStatus.CREATED,
                storeId,
                order,
                "test",
                now);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.ORDER_EVENTS,
                            orderId,
                            JsonSerdes.orderEvent().serialize(Topics.ORDER_EVENTS, event)))
                    .get();
        }
        return orderId;
    }
}
