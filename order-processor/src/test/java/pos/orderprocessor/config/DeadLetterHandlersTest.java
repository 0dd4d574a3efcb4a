package pos.orderprocessor.config;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import pos.orderprocessor.domain.PlacementDeadline;
import pos.orderprocessor.topology.PlacementDeadlineTopology;
import pos.schemas.Samples;
import pos.schemas.Topics;
import pos.schemas.command.OrderCommand;
import pos.schemas.serde.JsonSerdes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two Streams error handlers as {@link DeadLetterConfiguration} installs them, around the real topology, with
 * a recording recoverer in place of the dead-letter producer (the real one is exercised in OrderProcessorIT).
 */
class DeadLetterHandlersTest {

    @TempDir
    Path stateDir;

    private final List<Recovered> recovered = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> rawCommands;
    private TestOutputTopic<String, OrderCommand> expiries;

    record Recovered(ConsumerRecord<?, ?> record, Exception exception) {
    }

    @BeforeEach
    void startDriver() {
        var builder = new StreamsBuilder();
        new PlacementDeadlineTopology(new PlacementDeadline(Duration.ofSeconds(30)), Duration.ofSeconds(1))
                .addTo(builder);
        ConsumerRecordRecoverer recorder = (record, exception) -> recovered.add(new Recovered(record, exception));
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-processor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                RecoveringDeserializationExceptionHandler.class);
        props.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recorder);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingExceptionHandler.class);
        props.put(DeadLetterProcessingExceptionHandler.RECOVERER, recorder);
        driver = new TopologyTestDriver(builder.build(), props);
        rawCommands = driver.createInputTopic(Topics.ORDER_COMMANDS, new StringSerializer(), new ByteArraySerializer());
        expiries = driver.createOutputTopic(Topics.ORDER_COMMANDS, new StringDeserializer(),
                JsonSerdes.orderCommand().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void unreadableCommandIsRecoveredAndTheNextOneProcessed() {
        var poison = "{not json".getBytes(StandardCharsets.UTF_8);

        rawCommands.pipeInput(Samples.STORE, poison);
        rawCommands.pipeInput(Samples.STORE, placeOrderBytes());
        driver.advanceWallClockTime(Duration.ofSeconds(31));

        assertThat(recovered).singleElement().satisfies(r -> {
            assertThat(r.record().topic()).isEqualTo(Topics.ORDER_COMMANDS);
            assertThat(r.record().value()).isEqualTo(poison);
            assertThat(r.exception()).isInstanceOf(SerializationException.class);
        });
        assertThat(expiries.readValuesToList()).extracting(OrderCommand::orderId).containsExactly(Samples.ORDER);
    }

    @Test
    void transientFailuresAreRetriedNotDeadLettered() {
        assertThat(DeadLetterProcessingExceptionHandler.isTransient(new org.apache.kafka.streams.errors.StreamsException(
                new org.apache.kafka.streams.errors.ProcessorStateException("rocksdb")))).isTrue();
        assertThat(DeadLetterProcessingExceptionHandler.isTransient(
                new org.apache.kafka.common.errors.TimeoutException("broker"))).isTrue();
        assertThat(DeadLetterProcessingExceptionHandler.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }

    private static byte[] placeOrderBytes() {
        return JsonSerdes.orderCommand().serialize(Topics.ORDER_COMMANDS, Samples.placeOrder());
    }
}
