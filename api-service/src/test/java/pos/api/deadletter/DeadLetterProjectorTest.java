package pos.api.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** How a record of a dead-letter topic becomes an entry: where it came from and why it failed, from its headers. */
class DeadLetterProjectorTest {

    static final long AT = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();

    private static ConsumerRecord<byte[], byte[]> deadLetter(RecordHeaders headers) {
        return new ConsumerRecord<>(
                "pos.inventory.commands.v1.dlq",
                2,
                17,
                AT,
                TimestampType.CREATE_TIME,
                5,
                8,
                bytes("store"),
                bytes("not json"),
                headers,
                Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheOriginAndTheFailureFromTheDeadLetterHeadersAndKeepsTheOtherHeaders() {
        var headers = new RecordHeaders();
        headers.add("kafka_dlt-original-topic", bytes("pos.inventory.commands.v1"));
        headers.add(
                "kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(3).array());
        headers.add(
                "kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(42).array());
        headers.add("kafka_dlt-exception-fqcn", bytes("org.apache.kafka.common.errors.SerializationException"));
        headers.add("kafka_dlt-exception-message", bytes("cannot read InventoryCommand"));
        headers.add("kafka_dlt-exception-stacktrace", bytes("at ..."));
        headers.add("traceparent", bytes("00-abc-def-01"));
        headers.add(DeadLetterProjector.REDRIVE_OF, bytes("pos.inventory.commands.v1.dlq-2-3"));

        var entry = DeadLetterProjector.toDocument(deadLetter(headers));

        assertThat(entry.id()).isEqualTo("pos.inventory.commands.v1.dlq-2-17");
        assertThat(entry.topic()).isEqualTo("pos.inventory.commands.v1");
        assertThat(entry.partition()).isEqualTo(3);
        assertThat(entry.offset()).isEqualTo(42);
        assertThat(entry.exception()).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(entry.message()).isEqualTo("cannot read InventoryCommand");
        assertThat(entry.redriveOf()).isEqualTo("pos.inventory.commands.v1.dlq-2-3");
        assertThat(entry.status()).isEqualTo("open");
        assertThat(entry.deadLetteredAt()).isEqualTo(Instant.ofEpochMilli(AT));
        assertThat(entry.headers())
                .extracting(DeadLetterDocument.HeaderBytes::key)
                .containsExactly("traceparent", DeadLetterProjector.REDRIVE_OF);
        assertThat(new String(entry.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
    }

    @Test
    void aRecordWithoutDeadLetterHeadersComesFromItsDeadLetterTopicsSource() {
        var entry = DeadLetterProjector.toDocument(deadLetter(new RecordHeaders()));

        assertThat(entry.topic()).isEqualTo("pos.inventory.commands.v1");
        assertThat(entry.partition()).isEqualTo(-1);
        assertThat(entry.offset()).isEqualTo(-1);
        assertThat(entry.exception()).isNull();
    }

    @Test
    void showsBytesAsTextAndCutsLongValues() {
        var entry = DeadLetterProjector.toDocument(new ConsumerRecord<>(
                "pos.orders.events.v1.dlq",
                0,
                1,
                AT,
                TimestampType.CREATE_TIME,
                0,
                0,
                null,
                bytes("v".repeat(DeadLetterResponse.VALUE_PREVIEW + 10)),
                new RecordHeaders(),
                Optional.empty()));

        var shown = DeadLetterResponse.of(entry);

        assertThat(shown.key()).isNull();
        assertThat(shown.value()).hasSize(DeadLetterResponse.VALUE_PREVIEW);
        assertThat(shown.valueSize()).isEqualTo(DeadLetterResponse.VALUE_PREVIEW + 10);
        assertThat(shown.failure().exception()).isNull();
    }
}
