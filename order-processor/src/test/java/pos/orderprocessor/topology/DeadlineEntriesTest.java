package pos.orderprocessor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import pos.schemas.Samples;
import pos.schemas.serde.JsonSerde;

/** The deadline store's keys sort by deadline and read as they did; its values read as they were written. */
class DeadlineEntriesTest {

    private static final String TOPIC = "order-processor-placement-deadline-store-changelog";

    @Test
    void keysSortByDeadlineWhateverTheOrderIds() {
        assertThat(DeadlineEntries.key(Instant.ofEpochMilli(9), "b"))
                .isLessThan(DeadlineEntries.key(Instant.ofEpochMilli(10), "a"));
        assertThat(DeadlineEntries.key(Instant.parse("2026-12-07T20:00:00Z"), "z"))
                .isLessThan(DeadlineEntries.key(Instant.parse("2026-12-07T20:00:00.001Z"), "a"));
    }

    @Test
    void keysAreTheOnesTheStoreHeldBeforeSoARestoredStoreKeepsItsOrder() {
        for (var due : new Instant[] {Instant.EPOCH, Instant.ofEpochMilli(1), Instant.parse("2026-12-07T20:00:00Z")}) {
            assertThat(DeadlineEntries.key(due, Samples.ORDER))
                    .isEqualTo(String.format("%019d|%s", due.toEpochMilli(), Samples.ORDER));
        }
        assertThat(DeadlineEntries.key(Instant.ofEpochMilli(-5), "o")).isEqualTo(String.format("%019d|o", 0));
    }

    @Test
    void theOrderIdIsReadBackFromItsKey() {
        var key = DeadlineEntries.key(Instant.parse("2026-12-07T20:00:00Z"), Samples.ORDER);

        assertThat(DeadlineEntries.orderIdOf(key)).isEqualTo(Samples.ORDER);
    }

    @Test
    void aStoreIdIsReadAsItWasWritten() {
        var bytes = DeadlineEntries.STORE_IDS.serializer().serialize(TOPIC, Samples.STORE);

        assertThat(bytes).hasSize(Samples.STORE.length() + 1);
        assertThat(DeadlineEntries.STORE_IDS.deserializer().deserialize(TOPIC, bytes))
                .isEqualTo(Samples.STORE);
    }

    @Test
    void anEntryWrittenAsJsonBeforeIsReadForItsStoreId() {
        var older = new JsonSerde<>(PendingPlacement.class)
                .serialize(TOPIC, new PendingPlacement(Samples.ORDER, Samples.STORE));

        assertThat(new String(older, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{");
        assertThat(DeadlineEntries.STORE_IDS.deserializer().deserialize(TOPIC, older))
                .isEqualTo(Samples.STORE);
    }

    @Test
    void aRemovedEntryStaysNull() {
        assertThat(DeadlineEntries.STORE_IDS.serializer().serialize(TOPIC, null))
                .isNull();
        assertThat(DeadlineEntries.STORE_IDS.deserializer().deserialize(TOPIC, null))
                .isNull();
    }
}
