package pos.inventory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.schemas.Samples.PRODUCT;
import static pos.schemas.Samples.STORE;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import pos.inventory.InventoryProcessorApplication;
import pos.schemas.Topics;
import pos.schemas.command.AdjustStock;
import pos.schemas.reply.Outcome;
import pos.schemas.serde.JsonSerdes;
import pos.streams.testing.EmbeddedBroker;
import pos.streams.testing.TopicReader;

/** Records the processor cannot read or process go to the dead-letter topic; the good ones behind them pass. */
@EmbeddedKafka(
        brokerProperties = {
            EmbeddedBroker.TRANSACTION_LOG_RF,
            EmbeddedBroker.TRANSACTION_LOG_ISR,
            EmbeddedBroker.MIN_ISR,
            EmbeddedBroker.NO_REBALANCE_DELAY
        })
class PoisonCommandIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String DLQ = "pos.inventory.commands.v1.dlq";

    private static ConfigurableApplicationContext processor;
    private static String bootstrapServers;

    @BeforeAll
    static void startProcessor(EmbeddedKafkaBroker broker, @TempDir Path stateDir) {
        bootstrapServers = broker.getBrokersAsString();
        processor = InventoryProcessorApplication.builder().run(ProcessorArgs.of(bootstrapServers, stateDir));
    }

    @AfterAll
    static void stopProcessor() {
        if (processor != null) {
            processor.close();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheNextGoodCommandIsProcessed() {
        byte[] notJson = bytes("{this is not json");
        byte[] zeroDelta = bytes("""
                {"type":"AdjustStock","command_id":"bad-1","store_id":"%s","product_id":"%s","delta":"0",
                 "issued_at":"2026-11-25T10:00:00Z"}""".formatted(STORE, PRODUCT));
        byte[] misrouted = JsonSerdes.inventoryCommand()
                .serialize(
                        Topics.INVENTORY_COMMANDS,
                        new AdjustStock("bad-2", STORE, PRODUCT, BigDecimal.ONE, "count", "it", Instant.now()));
        AdjustStock good = new AdjustStock("good-1", STORE, PRODUCT, BigDecimal.TEN, "delivery", "it", Instant.now());

        try (var sender = new CommandSender(bootstrapServers);
                var reader = new TopicReader(bootstrapServers, DLQ, Topics.COMMAND_REPLIES)) {
            sender.sendRaw(STORE, notJson);
            sender.sendRaw(STORE, zeroDelta);
            sender.sendRaw("not-the-store", misrouted);
            sender.send(good);

            reader.awaitUntil(TIMEOUT, r -> r.count(DLQ) >= 3 && r.count(Topics.COMMAND_REPLIES) >= 1);

            List<ConsumerRecord<String, byte[]>> deadLetters = reader.records(DLQ);
            assertThat(deadLetters).hasSize(3);
            assertThat(deadLetters)
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder(notJson, zeroDelta, misrouted);
            assertThat(deadLetters)
                    .extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder(STORE, STORE, "not-the-store");
            assertThat(deadLetters).allSatisfy(record -> {
                assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.INVENTORY_COMMANDS);
                assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
                assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                        .isNotBlank();
                assertThat(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET))
                        .isNotNull();
            });
            assertThat(deadLetters)
                    .extracting(record -> header(record, KafkaHeaders.DLT_EXCEPTION_FQCN))
                    .containsOnly(
                            "org.apache.kafka.common.errors.SerializationException",
                            "java.lang.IllegalArgumentException");
            assertThat(deadLetters)
                    .filteredOn(record -> "not-the-store".equals(record.key()))
                    .singleElement()
                    .satisfies(record -> assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                            .contains("keyed by store id"));

            assertThat(reader.values(Topics.COMMAND_REPLIES, JsonSerdes.commandReply()))
                    .singleElement()
                    .satisfies(reply -> {
                        assertThat(reply.commandId()).isEqualTo("good-1");
                        assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
                    });
        }
    }
}
