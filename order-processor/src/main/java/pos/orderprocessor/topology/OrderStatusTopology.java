package pos.orderprocessor.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import pos.orderprocessor.domain.OrderInput;
import pos.orderprocessor.domain.OrderState;
import pos.orderprocessor.domain.OrderStateMachine;
import pos.schemas.Topics;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;

/**
 * Order commands and reservation results, both keyed by order id and co-partitioned, merge into one processor
 * that owns the order store; its outputs are routed to events, state, stock commands and replies.
 */
public final class OrderStatusTopology {

    public static final String ORDER_STATE_STORE = "order-state-store";

    private final OrderStateMachine stateMachine;
    private final OrderMetrics metrics;

    /** Without metrics: for tests that count nothing. */
    public OrderStatusTopology(OrderStateMachine stateMachine) {
        this(stateMachine, new SimpleMeterRegistry());
    }

    public OrderStatusTopology(OrderStateMachine stateMachine, MeterRegistry meters) {
        this.stateMachine = stateMachine;
        this.metrics = new OrderMetrics(meters);
    }

    public static Serde<OrderState> orderStateSerde() {
        return new JsonSerde<>(OrderState.class);
    }

    public KStream<String, ?> addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ORDER_STATE_STORE), Serdes.String(), orderStateSerde()));

        var commands = builder.stream(Topics.ORDER_COMMANDS,
                Consumed.with(Serdes.String(), JsonSerdes.orderCommand()).withName("order-commands"));
        var reservations = builder.stream(Topics.INVENTORY_RESERVATIONS,
                Consumed.with(Serdes.String(), JsonSerdes.reservationResult()).withName("inventory-reservations"));

        var outputs = commands.mapValues(OrderInput::of, Named.as("commands-as-input"))
                .merge(reservations.mapValues(OrderInput::of, Named.as("reservations-as-input")),
                        Named.as("order-inputs"))
                .process(() -> new OrderStatusProcessor(stateMachine, metrics), Named.as("advance-order-status"),
                        ORDER_STATE_STORE);

        var routes = outputs.split(Named.as("route-"));
        route(routes, OrderOutput.Event.class, Topics.ORDER_EVENTS, JsonSerdes.orderEvent(), "order-events");
        route(routes, OrderOutput.State.class, Topics.ORDER_STATE, JsonSerdes.orderSnapshot(), "order-state");
        route(routes, OrderOutput.StockCommand.class, Topics.INVENTORY_COMMANDS, JsonSerdes.inventoryCommand(),
                "inventory-commands");
        route(routes, OrderOutput.Reply.class, Topics.COMMAND_REPLIES, JsonSerdes.commandReply(), "command-replies");
        return outputs;
    }

    @SuppressWarnings("unchecked")
    private static <T> void route(BranchedKStream<String, OrderOutput> routes, Class<? extends OrderOutput> kind,
            String topic, Serde<T> serde, String name) {
        routes.branch((key, output) -> kind.isInstance(output), Branched.withConsumer(
                stream -> stream.mapValues(output -> (T) output.value(), Named.as(name + "-value"))
                        .to(topic, Produced.with(Serdes.String(), serde).withName(name + "-sink")),
                name));
    }
}
