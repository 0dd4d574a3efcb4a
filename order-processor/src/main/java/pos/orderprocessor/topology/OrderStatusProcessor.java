package pos.orderprocessor.topology;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pos.orderprocessor.domain.OrderInput;
import pos.orderprocessor.domain.OrderState;
import pos.orderprocessor.domain.OrderStateMachine;
import pos.orderprocessor.domain.Transition;
import pos.observability.tracing.TraceHeaders;

import java.time.Instant;

/**
 * Adapts the state machine to Kafka Streams: load the order, apply the input, store and emit the result. Every
 * decision is computed before anything is written, so an exception leaves neither store nor outputs half-done.
 * Everything a record causes carries its W3C trace headers, and its trace id is in the log MDC meanwhile.
 */
final class OrderStatusProcessor implements Processor<String, OrderInput, String, OrderOutput> {

    private static final Logger log = LoggerFactory.getLogger(OrderStatusProcessor.class);

    private final OrderStateMachine stateMachine;
    private final OrderMetrics metrics;
    private ProcessorContext<String, OrderOutput> context;
    private KeyValueStore<String, OrderState> store;

    OrderStatusProcessor(OrderStateMachine stateMachine, OrderMetrics metrics) {
        this.stateMachine = stateMachine;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, OrderOutput> context) {
        this.context = context;
        this.store = context.getStateStore(OrderStatusTopology.ORDER_STATE_STORE);
    }

    @Override
    public void process(Record<String, OrderInput> record) {
        try (var trace = TraceHeaders.inMdc(record.headers())) {
            var input = record.value();
            requireKeyedByOrder(record.key(), input);
            var now = Instant.ofEpochMilli(context.currentSystemTimeMs());
            var transition = stateMachine.apply(store.get(input.orderId()), input, now);
            transition.stateToStore().ifPresent(state -> store.put(input.orderId(), state));
            emit(transition, record.timestamp(), record.headers());
            transition.events().forEach(metrics::statusChanged);
            if (log.isDebugEnabled()) {
                log.debug("Order {}: {} -> {}", input.orderId(), describe(input),
                        transition.events().stream().map(e -> e.status().wireName()).toList());
            }
        }
    }

    private void emit(Transition transition, long timestamp, Headers cause) {
        transition.events().forEach(event -> {
            forward(event.orderId(), new OrderOutput.Event(event), timestamp, cause);
            forward(event.orderId(), new OrderOutput.State(event.order()), timestamp, cause);
        });
        transition.inventoryCommands().forEach(command ->
                forward(command.storeId(), new OrderOutput.StockCommand(command), timestamp, cause));
        transition.replies().forEach(reply ->
                forward(reply.commandId(), new OrderOutput.Reply(reply), timestamp, cause));
    }

    /**
     * Only the trace headers are copied: the rest belong to the input's producer, not to what this processor says.
     * Each output gets its own copy, as Streams may hand the same headers object to several sinks.
     */
    private void forward(String key, OrderOutput output, long timestamp, Headers cause) {
        context.forward(new Record<>(key, output, timestamp, TraceHeaders.propagated(cause)));
    }

    private static String describe(OrderInput input) {
        if (input instanceof OrderInput.Command command) {
            return command.command().getClass().getSimpleName();
        }
        return ((OrderInput.InventoryResult) input).result().getClass().getSimpleName();
    }

    /** A record keyed by anything but its order id sits in the wrong partition: its state would be split. */
    private static void requireKeyedByOrder(String key, OrderInput input) {
        if (input == null || !input.orderId().equals(key)) {
            throw new IllegalArgumentException("record key " + key + " is not the order id of " + input);
        }
    }
}
