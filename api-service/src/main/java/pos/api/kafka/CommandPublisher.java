package pos.api.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.stereotype.Component;
import pos.api.web.ApiException;
import pos.schemas.Topics;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.OrderCommand;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.StoreSettings;

/**
 * Publishes commands and waits for the broker's acknowledgement (acks=all, idempotent producer), so a command the
 * API has acknowledged to its client is durably on its topic. A broker that does not answer is a 503. Sends are
 * observed, so every command carries the request's W3C {@code traceparent} header for the processors to pass on.
 */
@Component
public class CommandPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);

    private final DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private final KafkaTemplate<String, byte[]> template;
    private final JsonSerde<OrderCommand> orderCommands = JsonSerdes.orderCommand();
    private final JsonSerde<InventoryCommand> inventoryCommands = JsonSerdes.inventoryCommand();
    private final JsonSerde<StoreSettings> storeSettings = JsonSerdes.storeSettings();
    private final Duration sendTimeout;

    public CommandPublisher(
            KafkaProperties kafkaProperties,
            CommandProperties properties,
            MeterRegistry meters,
            ObservationRegistry observations) {
        var props = kafkaProperties.buildProducerProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "api-commands");
        // With the broker down a send fails within the send timeout (503) instead of blocking on metadata or
        // retrying for the producer's default two minutes.
        boundedBy(props, properties.sendTimeout());
        this.producerFactory =
                new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new ByteArraySerializer());
        producerFactory.addListener(new MicrometerProducerListener<>(meters));
        this.template = new KafkaTemplate<>(producerFactory);
        template.setObservationEnabled(true);
        // a failed send is logged once, by unavailable(), where it becomes the 503: not also by the template
        template.setProducerListener(new ProducerListener<>() {});
        template.setObservationRegistry(observations);
        this.sendTimeout = properties.sendTimeout();
    }

    /**
     * Keyed by store id: the store ledger decides an order together with its store's stock, and all commands of one
     * store (hence of one order) go to one partition, in order.
     */
    public void publish(OrderCommand command) {
        send(Topics.ORDER_COMMANDS, command.storeId(), orderCommands.serialize(Topics.ORDER_COMMANDS, command));
    }

    /** Keyed by store id: one store's stock is changed by one processor task, one command at a time. */
    public void publish(InventoryCommand command) {
        send(
                Topics.INVENTORY_COMMANDS,
                command.storeId(),
                inventoryCommands.serialize(Topics.INVENTORY_COMMANDS, command));
    }

    /** Keyed by store id, on a compacted topic: the latest settings of a store are the ones in force. */
    public void publish(StoreSettings settings) {
        send(Topics.STORE_SETTINGS, settings.storeId(), storeSettings.serialize(Topics.STORE_SETTINGS, settings));
    }

    /** Bounds a producer's blocking and delivery by the send timeout: with the broker down a send fails in time. */
    public static void boundedBy(java.util.Map<String, Object> props, Duration sendTimeout) {
        long timeout = Math.max(1_000, sendTimeout.toMillis());
        long linger = props.get(ProducerConfig.LINGER_MS_CONFIG) == null
                ? 5
                : Long.parseLong(props.get(ProducerConfig.LINGER_MS_CONFIG).toString());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, timeout - linger - 1));
    }

    private void send(String topic, String key, byte[] value) {
        try {
            template.send(topic, key, value).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(topic, key, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(topic, key, NestedExceptionUtils.getMostSpecificCause(e));
        }
    }

    /**
     * The one place a failed send becomes an HTTP answer (503), so it is logged here, once, with its cause: one line
     * per request (a broker outage is already visible in the producer's own log and metrics), the stack trace at
     * debug level.
     */
    private static ApiException unavailable(String topic, String key, Throwable cause) {
        log.warn("Could not publish a command to {} (key {}), answering 503: {}", topic, key, cause.toString());
        log.debug("Publishing to {} failed", topic, cause);
        var answer = new ApiException(
                org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                "Order and stock processing is unavailable; retry with the same Idempotency-Key");
        answer.initCause(cause);
        return answer;
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }
}
