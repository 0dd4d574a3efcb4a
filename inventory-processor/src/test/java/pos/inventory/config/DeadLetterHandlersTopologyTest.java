package pos.inventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import pos.inventory.domain.LowStockPolicy;
import pos.inventory.domain.StockLedger;
import pos.inventory.topology.ProcessedCommandPurge;
import pos.inventory.topology.StoreLedgerTopology;
import pos.schemas.Samples;
import pos.schemas.Topics;
import pos.schemas.reply.CommandReply;
import pos.schemas.serde.JsonSerdes;
import pos.streams.testing.TestDriverSettings;

/**
 * How the store ledger's failures reach the shared dead-letter handlers, wired as in production, with a recoverer that
 * records instead of publishing (the handlers themselves are tested in streams-support; the real publishing against a
 * broker by {@code PoisonCommandIT}).
 */
class DeadLetterHandlersTopologyTest {

    @TempDir
    Path stateDir;

    private final List<ConsumerRecord<?, ?>> deadLetters = new ArrayList<>();
    private final List<Exception> causes = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> commands;
    private TestInputTopic<byte[], byte[]> orderCommands;
    private TestOutputTopic<String, CommandReply> replies;

    private void start(ConsumerRecordRecoverer recoverer) {
        StreamsBuilder builder = new StreamsBuilder();
        new StoreLedgerTopology(
                        new StockLedger(LowStockPolicy.uniform(BigDecimal.ONE)),
                        new ProcessedCommandPurge(Duration.ofDays(7), Duration.ofHours(1)))
                .addTo(builder);
        driver = new TopologyTestDriver(
                builder.build(), TestDriverSettings.withDeadLetterHandlers("inventory-processor", stateDir, recoverer));
        commands = driver.createInputTopic(
                Topics.INVENTORY_COMMANDS,
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        orderCommands = driver.createInputTopic(
                Topics.ORDER_COMMANDS,
                Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        replies = driver.createOutputTopic(
                Topics.COMMAND_REPLIES,
                Serdes.String().deserializer(),
                JsonSerdes.commandReply().deserializer());
    }

    private void startRecording() {
        start((record, exception) -> {
            deadLetters.add(record);
            causes.add(exception);
        });
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void sendGoodCommand() {
        commands.pipeInput(bytes(Samples.STORE), JsonSerdes.inventoryCommand().serialize("t", Samples.adjustStock()));
    }

    @Test
    void unreadableRecordIsRecoveredWithItsBytesAndProcessingContinues() {
        startRecording();

        commands.pipeInput(bytes(Samples.STORE), bytes("not json"));
        sendGoodCommand();

        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.INVENTORY_COMMANDS);
            assertThat((byte[]) record.key()).isEqualTo(bytes(Samples.STORE));
            assertThat((byte[]) record.value()).isEqualTo(bytes("not json"));
        });
        assertThat(causes).singleElement().isInstanceOf(SerializationException.class);
        assertThat(replies.readValuesToList())
                .extracting(CommandReply::commandId)
                .containsExactly("cmd-adjust-1");
    }

    @Test
    void jsonBreakingTheContractIsRecoveredLikeUnreadableBytes() {
        startRecording();
        String zeroDelta = """
                {"type":"AdjustStock","command_id":"c1","store_id":"%s","product_id":"%s","delta":"0",
                 "issued_at":"2026-11-25T10:00:00Z"}""".formatted(Samples.STORE, Samples.PRODUCT);

        commands.pipeInput(bytes(Samples.STORE), bytes(zeroDelta));
        sendGoodCommand();

        assertThat(causes)
                .singleElement()
                .isInstanceOf(SerializationException.class)
                .extracting(Throwable::getMessage)
                .asString()
                .contains("delta must not be zero");
        assertThat(replies.readValuesToList()).hasSize(1);
    }

    @Test
    void commandThatFailsInProcessingIsRecoveredWithTheRawInput() {
        startRecording();
        byte[] command = JsonSerdes.inventoryCommand().serialize("t", Samples.adjustStock());

        commands.pipeInput(bytes("another-store"), command);
        sendGoodCommand();

        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat((byte[]) record.key()).isEqualTo(bytes("another-store"));
            assertThat((byte[]) record.value()).isEqualTo(command);
            assertThat(record.offset()).isZero();
        });
        assertThat(causes)
                .singleElement()
                .isInstanceOf(IllegalArgumentException.class)
                .extracting(Throwable::getMessage)
                .asString()
                .contains("keyed by store id");
        assertThat(replies.readValuesToList()).hasSize(1);
    }

    @Test
    void aBatchOfExpiriesUnderAnotherStoresKeyIsRecoveredWithTheRawInput() {
        startRecording();
        byte[] batch = JsonSerdes.orderCommand().serialize("t", Samples.expirePlacements());

        orderCommands.pipeInput(bytes("another-store"), batch);
        sendGoodCommand();

        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.ORDER_COMMANDS);
            assertThat((byte[]) record.value()).isEqualTo(batch);
        });
        assertThat(causes)
                .singleElement()
                .isInstanceOf(IllegalArgumentException.class)
                .extracting(Throwable::getMessage)
                .asString()
                .contains(Samples.expirePlacements().commandId())
                .contains("keyed by store id");
        assertThat(replies.readValuesToList())
                .extracting(CommandReply::commandId)
                .containsExactly("cmd-adjust-1");
    }

    /**
     * A placement whose decision would write records above the broker's message size (here 200 lines with
     * 6,000-character names) is dead-lettered before any state changes, and the next command is decided: the task
     * is never stuck aborting the same transaction.
     */
    @Test
    void placementWhoseOutputsWouldBeTooLargeIsDeadLetteredAndTheStoreGoesOn() {
        startRecording();
        var lines = java.util.stream.IntStream.range(0, pos.schemas.Limits.MAX_ORDER_LINES)
                .mapToObj(i -> new pos.schemas.value.OrderLine(
                        Samples.PRODUCT, "SKU-" + i, "n".repeat(6_000), BigDecimal.ONE, BigDecimal.ONE))
                .toList();
        var huge = new pos.schemas.command.PlaceOrder(
                "place-huge", Samples.ORDER, Samples.STORE, Samples.USER, Samples.USER, lines, null, Samples.AT);
        byte[] hugeBytes = JsonSerdes.orderCommand().serialize("t", huge);

        orderCommands.pipeInput(bytes(Samples.STORE), hugeBytes);
        sendGoodCommand();

        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.ORDER_COMMANDS);
            assertThat((byte[]) record.value()).isEqualTo(hugeBytes);
        });
        assertThat(causes).singleElement().isInstanceOf(pos.inventory.topology.OutputTooLargeException.class);
        assertThat(replies.readValuesToList())
                .extracting(CommandReply::commandId)
                .containsExactly("cmd-adjust-1");
    }
}
