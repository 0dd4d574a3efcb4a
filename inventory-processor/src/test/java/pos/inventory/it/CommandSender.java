package pos.inventory.it;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import pos.schemas.Topics;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.OrderCommand;
import pos.schemas.serde.JsonSerdes;

/** Sends inventory and order commands (or raw bytes) and waits for the broker's acknowledgement. Thread-safe. */
final class CommandSender implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    CommandSender(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    void send(InventoryCommand command) {
        sendRaw(command.storeId(), JsonSerdes.inventoryCommand().serialize(Topics.INVENTORY_COMMANDS, command));
    }

    /** Keyed by store id, like api-service does: the store ledger reads both command topics. */
    void send(OrderCommand command) {
        sendRaw(
                Topics.ORDER_COMMANDS,
                command.storeId(),
                JsonSerdes.orderCommand().serialize(Topics.ORDER_COMMANDS, command));
    }

    /** An inventory or order command. */
    void sendAny(Object command) {
        if (command instanceof OrderCommand order) {
            send(order);
        } else {
            send((InventoryCommand) command);
        }
    }

    void sendRaw(String key, byte[] value) {
        sendRaw(Topics.INVENTORY_COMMANDS, key, value);
    }

    void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
