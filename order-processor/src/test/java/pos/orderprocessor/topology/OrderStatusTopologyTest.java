package pos.orderprocessor.topology;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pos.orderprocessor.domain.OrderState;
import pos.orderprocessor.domain.OrderStateMachine;
import pos.schemas.Samples;
import pos.schemas.Topics;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.CommitStock;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.OrderCommand;
import pos.schemas.command.ReleaseStock;
import pos.schemas.command.ReserveStock;
import pos.schemas.event.OrderEvent;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.event.ReservationResult;
import pos.schemas.event.StockReservationRejected;
import pos.schemas.event.StockReserved;
import pos.schemas.reply.CommandReply;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static pos.schemas.Samples.ORDER;
import static pos.schemas.Samples.STORE;
import static pos.schemas.value.OrderStatus.CANCELLED;
import static pos.schemas.value.OrderStatus.COMPLETED;
import static pos.schemas.value.OrderStatus.CONFIRMED;
import static pos.schemas.value.OrderStatus.CREATED;
import static pos.schemas.value.OrderStatus.PENDING;
import static pos.schemas.value.OrderStatus.PREPARING;
import static pos.schemas.value.OrderStatus.READY;
import static pos.schemas.value.OrderStatus.REJECTED;

class OrderStatusTopologyTest {

    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path stateDir;

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
        new OrderStatusTopology(new OrderStateMachine()).addTo(builder);
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-processor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props, START);
        var keys = new StringSerializer();
        commands = driver.createInputTopic(Topics.ORDER_COMMANDS, keys, JsonSerdes.orderCommand().serializer());
        reservations = driver.createInputTopic(Topics.INVENTORY_RESERVATIONS, keys,
                JsonSerdes.reservationResult().serializer());
        var keysOut = new StringDeserializer();
        events = driver.createOutputTopic(Topics.ORDER_EVENTS, keysOut, JsonSerdes.orderEvent().deserializer());
        states = driver.createOutputTopic(Topics.ORDER_STATE, keysOut, JsonSerdes.orderSnapshot().deserializer());
        inventory = driver.createOutputTopic(Topics.INVENTORY_COMMANDS, keysOut,
                JsonSerdes.inventoryCommand().deserializer());
        replies = driver.createOutputTopic(Topics.COMMAND_REPLIES, keysOut, JsonSerdes.commandReply().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void placingAnOrderEmitsPendingAndAsksItsStoreForStock() {
        commands.pipeInput(ORDER, Samples.placeOrder());

        var event = singleEvent();
        assertThat(event.status()).isEqualTo(PENDING);
        assertThat(event.previousStatus()).isNull();
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.occurredAt()).isEqualTo(START);
        var reserve = inventory.readKeyValue();
        assertThat(reserve.key).isEqualTo(STORE);
        assertThat(reserve.value).isInstanceOfSatisfying(ReserveStock.class, command -> {
            assertThat(command.commandId()).isEqualTo("reserve:" + ORDER);
            assertThat(command.orderId()).isEqualTo(ORDER);
            assertThat(command.lines()).isEqualTo(Samples.reserveStock().lines());
        });
        assertThat(replies.isEmpty()).isTrue();
        assertThat(states.readKeyValue().value).isEqualTo(event.order());
        assertThat(storedOrder().status()).isEqualTo(PENDING);
    }

    @Test
    void reservedStockCreatesTheOrderAndAnswersThePlacement() {
        placeAndReserve();

        assertThat(readEvents()).extracting(OrderStatusChanged::status).containsExactly(PENDING, CREATED);
        var reply = singleReply();
        assertThat(reply.commandId()).isEqualTo("cmd-place-1");
        assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(reply.order().status()).isEqualTo(CREATED);
        assertThat(storedOrder().status()).isEqualTo(CREATED);
    }

    @Test
    void rejectedStockRejectsTheOrderWithItsShortages() {
        commands.pipeInput(ORDER, Samples.placeOrder());
        reservations.pipeInput(ORDER, rejectedFor(ORDER));

        var rejected = readEvents().get(1);
        assertThat(rejected.status()).isEqualTo(REJECTED);
        assertThat(rejected.order().shortages()).isEqualTo(Samples.stockReservationRejected().shortages());
        var reply = singleReply();
        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.detail()).isEqualTo("Insufficient stock for product " + Samples.PRODUCT);
        assertThat(latestStates().get(ORDER).shortages()).hasSize(1);
        inventory.readKeyValue();
        assertThat(inventory.isEmpty()).as("nothing reserved, nothing to release").isTrue();
    }

    @Test
    void walksTheLifecycleToCompletedAndCommitsTheStock() {
        placeAndReserve();
        inventory.readKeyValue();
        replies.readKeyValue();

        for (var status : List.of(CONFIRMED, PREPARING, READY, COMPLETED)) {
            driver.advanceWallClockTime(Duration.ofMinutes(1));
            commands.pipeInput(ORDER, change("cmd-" + status.wireName(), status));

            var reply = replies.readKeyValue();
            assertThat(reply.key).isEqualTo("cmd-" + status.wireName());
            assertThat(((OrderCommandReply) reply.value).outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(((OrderCommandReply) reply.value).order().status()).isEqualTo(status);
        }

        var changes = readEvents();
        assertThat(changes).extracting(OrderStatusChanged::status)
                .containsExactly(PENDING, CREATED, CONFIRMED, PREPARING, READY, COMPLETED);
        assertThat(changes.get(5).previousStatus()).isEqualTo(READY);
        assertThat(changes.get(5).causedBy()).isEqualTo("cmd-completed");
        assertThat(changes.get(5).occurredAt()).isEqualTo(START.plus(Duration.ofMinutes(4)));
        var commit = inventory.readKeyValue();
        assertThat(commit.key).isEqualTo(STORE);
        assertThat(commit.value).isEqualTo(new CommitStock("commit:" + ORDER, STORE, ORDER,
                START.plus(Duration.ofMinutes(4))));
        assertThat(inventory.isEmpty()).isTrue();
    }

    @Test
    void cancellingReleasesTheStock() {
        placeAndReserve();
        inventory.readKeyValue();

        commands.pipeInput(ORDER, change("cmd-cancel", CANCELLED));

        assertThat(readEvents()).extracting(OrderStatusChanged::status).endsWith(CREATED, CANCELLED);
        var release = inventory.readKeyValue();
        assertThat(release.key).isEqualTo(STORE);
        assertThat(release.value).isEqualTo(new ReleaseStock("release:" + ORDER, STORE, ORDER, START));
    }

    @Test
    void refusedChangeRepliesWithTheAllowedStatusesAndEmitsNoEvent() {
        placeAndReserve();
        readEvents();
        replies.readKeyValue();

        commands.pipeInput(ORDER, change("cmd-ready", READY));

        var reply = singleReply();
        assertThat(reply.commandId()).isEqualTo("cmd-ready");
        assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reply.detail()).isEqualTo("Cannot change status from created to ready");
        assertThat(reply.allowedNext()).containsExactly(CONFIRMED, CANCELLED);
        assertThat(events.isEmpty()).isTrue();
        assertThat(storedOrder().status()).isEqualTo(CREATED);
    }

    @Test
    void changeToTheCurrentStatusIsANoOp() {
        placeAndReserve();
        readEvents();
        latestStates();
        replies.readKeyValue();

        commands.pipeInput(ORDER, change("cmd-same", CREATED));

        assertThat(singleReply().outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(events.isEmpty()).isTrue();
        assertThat(states.isEmpty()).isTrue();
        assertThat(storedOrder().sequence()).isEqualTo(2);
    }

    @Test
    void changeOfAnUnknownOrderIsRefused() {
        commands.pipeInput(ORDER, change("cmd-lost", CONFIRMED));

        var reply = replies.readKeyValue();
        assertThat(reply.key).isEqualTo("cmd-lost");
        assertThat(((OrderCommandReply) reply.value).detail()).isEqualTo("Order not found");
        assertThat(((OrderCommandReply) reply.value).order()).isNull();
        assertThat(events.isEmpty()).isTrue();
        assertThat(driver.<String, OrderState>getKeyValueStore(OrderStatusTopology.ORDER_STATE_STORE).get(ORDER))
                .isNull();
    }

    @Test
    void duplicateCommandsAndResultsChangeNothing() {
        placeAndReserve();
        commands.pipeInput(ORDER, change("cmd-confirm", CONFIRMED));
        var firstReplies = replies.readKeyValuesToList();
        var before = storedOrder();
        readEvents();
        latestStates();
        inventory.readKeyValuesToList();

        driver.advanceWallClockTime(Duration.ofMinutes(5));
        commands.pipeInput(ORDER, change("cmd-confirm", CONFIRMED));
        reservations.pipeInput(ORDER, reservedFor(ORDER));
        commands.pipeInput(ORDER, Samples.placeOrder());

        var repeated = replies.readKeyValuesToList();
        assertThat(repeated).hasSize(2);
        assertThat(repeated.get(0)).isEqualTo(firstReplies.get(1));
        assertThat(repeated.get(1).key).isEqualTo("cmd-place-1");
        assertThat(repeated.get(1).value.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(events.isEmpty()).isTrue();
        assertThat(states.isEmpty()).isTrue();
        assertThat(inventory.isEmpty()).isTrue();
        assertThat(storedOrder()).isEqualTo(before);
    }

    @Test
    void eventsCarryIncreasingSequencesAndTheStateTopicTheLatestSnapshot() {
        placeAndReserve();
        commands.pipeInput(ORDER, change("cmd-1", CONFIRMED));
        commands.pipeInput(ORDER, change("cmd-2", PREPARING));

        var changes = readEvents();
        assertThat(changes).extracting(OrderEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(changes).extracting(OrderEvent::eventId)
                .containsExactly(ORDER + "/1", ORDER + "/2", ORDER + "/3", ORDER + "/4");
        var latest = latestStates().get(ORDER);
        assertThat(latest).isEqualTo(changes.get(3).order());
        assertThat(latest.status()).isEqualTo(PREPARING);
        assertThat(storedOrder()).isEqualTo(latest);
    }

    @Test
    void refusesARecordNotKeyedByItsOrderId() {
        assertThatExceptionOfType(StreamsException.class)
                .isThrownBy(() -> commands.pipeInput("65b000000000000000000999", Samples.placeOrder()))
                .havingRootCause()
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void placeAndReserve() {
        commands.pipeInput(ORDER, Samples.placeOrder());
        reservations.pipeInput(ORDER, reservedFor(ORDER));
    }

    private static ReservationResult reservedFor(String orderId) {
        var sample = Samples.stockReserved();
        return new StockReserved("reserve:" + orderId, orderId, sample.storeId(), sample.lines(),
                sample.occurredAt());
    }

    /** Inventory answers with the id of the command it answers, which order-processor derives from the order id. */
    private static ReservationResult rejectedFor(String orderId) {
        var sample = Samples.stockReservationRejected();
        return new StockReservationRejected("reserve:" + orderId, orderId, sample.storeId(), sample.shortages(),
                sample.occurredAt());
    }

    private static ChangeOrderStatus change(String commandId, OrderStatus status) {
        return new ChangeOrderStatus(commandId, ORDER, status, Samples.USER, START);
    }

    private OrderStatusChanged singleEvent() {
        var all = readEvents();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<OrderStatusChanged> readEvents() {
        var records = events.readKeyValuesToList();
        assertThat(records).allSatisfy(record -> assertThat(record.key).isEqualTo(record.value.orderId()));
        return records.stream().map(record -> (OrderStatusChanged) record.value).toList();
    }

    private Map<String, OrderSnapshot> latestStates() {
        return states.readKeyValuesToMap();
    }

    private OrderCommandReply singleReply() {
        var all = replies.readKeyValuesToList();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).key).isEqualTo(all.get(0).value.commandId());
        return (OrderCommandReply) all.get(0).value;
    }

    private OrderSnapshot storedOrder() {
        return driver.<String, OrderState>getKeyValueStore(OrderStatusTopology.ORDER_STATE_STORE).get(ORDER).order();
    }
}
