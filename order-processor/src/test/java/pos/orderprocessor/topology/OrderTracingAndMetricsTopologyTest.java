package pos.orderprocessor.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pos.orderprocessor.domain.OrderStateMachine;
import pos.schemas.Samples;
import pos.schemas.Topics;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.OrderCommand;
import pos.schemas.event.OrderEvent;
import pos.schemas.event.ReservationResult;
import pos.schemas.event.StockReservationRejected;
import pos.schemas.event.StockReserved;
import pos.schemas.reply.CommandReply;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.schemas.Samples.ORDER;
import static pos.schemas.Samples.STORE;

/** The trace context travels with everything an input causes; status counters count per store. */
class OrderTracingAndMetricsTopologyTest {

    private static final String PLACE_TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String RESERVED_TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01";

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, OrderCommand> commands;
    private TestInputTopic<String, ReservationResult> reservations;
    private TestOutputTopic<String, OrderEvent> events;
    private TestOutputTopic<String, OrderSnapshot> states;
    private TestOutputTopic<String, InventoryCommand> inventory;
    private TestOutputTopic<String, CommandReply> replies;

    @BeforeEach
    void startDriver() {
        var builder = new StreamsBuilder();
        new OrderStatusTopology(new OrderStateMachine(), meters).addTo(builder);
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-processor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props, Instant.parse("2026-11-25T12:00:00Z"));
        commands = driver.createInputTopic(Topics.ORDER_COMMANDS, new StringSerializer(),
                JsonSerdes.orderCommand().serializer());
        reservations = driver.createInputTopic(Topics.INVENTORY_RESERVATIONS, new StringSerializer(),
                JsonSerdes.reservationResult().serializer());
        events = driver.createOutputTopic(Topics.ORDER_EVENTS, new StringDeserializer(),
                JsonSerdes.orderEvent().deserializer());
        states = driver.createOutputTopic(Topics.ORDER_STATE, new StringDeserializer(),
                JsonSerdes.orderSnapshot().deserializer());
        inventory = driver.createOutputTopic(Topics.INVENTORY_COMMANDS, new StringDeserializer(),
                JsonSerdes.inventoryCommand().deserializer());
        replies = driver.createOutputTopic(Topics.COMMAND_REPLIES, new StringDeserializer(),
                JsonSerdes.commandReply().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void everythingAPlacementCausesCarriesItsTraceparentAndNothingElse() {
        var headers = traced(PLACE_TRACE);
        headers.add("producer-private", "x".getBytes(StandardCharsets.UTF_8));

        commands.pipeInput(new TestRecord<>(ORDER, Samples.placeOrder(), headers));

        var pending = events.readRecord();
        assertThat(traceparent(pending.headers())).isEqualTo(PLACE_TRACE);
        assertThat(pending.headers().lastHeader("producer-private")).isNull();
        assertThat(traceparent(states.readRecord().headers())).isEqualTo(PLACE_TRACE);
        assertThat(traceparent(inventory.readRecord().headers())).isEqualTo(PLACE_TRACE);
    }

    @Test
    void theDecisionCarriesTheTraceOfTheReservationResult() {
        commands.pipeInput(new TestRecord<>(ORDER, Samples.placeOrder(), traced(PLACE_TRACE)));
        reservations.pipeInput(new TestRecord<>(ORDER, reserved(), traced(RESERVED_TRACE)));

        var created = events.readRecordsToList().get(1);
        assertThat(created.value()).extracting(event -> ((pos.schemas.event.OrderStatusChanged) event).status())
                .isEqualTo(OrderStatus.CREATED);
        assertThat(traceparent(created.headers())).isEqualTo(RESERVED_TRACE);
        assertThat(traceparent(replies.readRecord().headers())).isEqualTo(RESERVED_TRACE);
    }

    @Test
    void logsWhatARecordDidWithItsTraceIdInTheMdc() {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(OrderStatusProcessor.class);
        var seen = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        seen.start();
        logger.addAppender(seen);
        var level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            commands.pipeInput(new TestRecord<>(ORDER, Samples.placeOrder(), traced(PLACE_TRACE)));
        } finally {
            logger.detachAppender(seen);
            logger.setLevel(level);
        }

        assertThat(seen.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).isEqualTo("Order " + ORDER + ": PlaceOrder -> [pending]");
            assertThat(event.getMDCPropertyMap())
                    .containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")
                    .containsEntry("spanId", "00f067aa0ba902b7");
        });
        assertThat(org.slf4j.MDC.get("traceId")).as("cleared after the record").isNull();
    }

    @Test
    void recordsWithoutTraceContextStayWithout() {
        commands.pipeInput(ORDER, Samples.placeOrder());

        assertThat(events.readRecord().headers().toArray()).isEmpty();
    }

    @Test
    void countsEveryStatusReachedPerStore() {
        commands.pipeInput(ORDER, Samples.placeOrder());
        reservations.pipeInput(ORDER, reserved());
        commands.pipeInput(ORDER, new ChangeOrderStatus("cancel-1", ORDER, OrderStatus.CANCELLED, Samples.USER,
                Instant.parse("2026-11-25T12:01:00Z")));
        var other = "65b000000000000000000002";
        commands.pipeInput(other, new pos.schemas.command.PlaceOrder("place-2", other, STORE, Samples.USER,
                Samples.USER, Samples.lines(), null, Samples.AT));
        var sample = Samples.stockReservationRejected();
        reservations.pipeInput(other, new StockReservationRejected("reserve:" + other, other, STORE,
                sample.shortages(), sample.occurredAt()));

        assertThat(count("created")).isEqualTo(1.0);
        assertThat(count("cancelled")).isEqualTo(1.0);
        assertThat(count("rejected")).isEqualTo(1.0);
        assertThat(count("pending")).isEqualTo(2.0);
        assertThat(meters.find("pos.orders.status.changes").tag("status", "confirmed").counter()).isNull();
    }

    private double count(String status) {
        return meters.get("pos.orders.status.changes").tag("status", status).tag("store_id", STORE).counter()
                .count();
    }

    private static StockReserved reserved() {
        var sample = Samples.stockReserved();
        return new StockReserved("reserve:" + ORDER, ORDER, sample.storeId(), sample.lines(), sample.occurredAt());
    }

    private static Headers traced(String traceparent) {
        var headers = new RecordHeaders();
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
        return headers;
    }

    private static String traceparent(Headers headers) {
        var header = headers.lastHeader("traceparent");
        assertThat(header).as("traceparent header").isNotNull();
        return new String(header.value(), StandardCharsets.US_ASCII);
    }
}
