package pos.orderprocessor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import pos.orderprocessor.domain.PlacementDeadline;
import pos.schemas.Samples;
import pos.schemas.command.ExpirePlacements;
import pos.schemas.command.OrderCommand;

/**
 * Expiries go to the command topic that the store ledger reads {@code read_committed}: until their transaction
 * commits, no placement behind them in a partition can be read. So a punctuation that sent expiries asks for a
 * commit at once, instead of leaving its transaction open for the commit interval; one that sent nothing does not.
 */
class PlacementDeadlineCommitTest {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration DEADLINE = Duration.ofSeconds(30);

    final MockProcessorContext<String, OrderCommand> context = new MockProcessorContext<>();

    PlacementDeadlineCommitTest() {
        var store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(PlacementDeadlineTopology.DEADLINE_STORE),
                        Serdes.String(),
                        DeadlineEntries.STORE_IDS)
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        context.setCurrentSystemTimeMs(START.toEpochMilli());
        var processor = new PlacementDeadlineProcessor(new PlacementDeadline(DEADLINE), Duration.ofSeconds(1));
        processor.init(context);
        var placement = Samples.placeOrder();
        processor.process(new Record<>(
                Samples.STORE, new PendingPlacement(placement.orderId(), placement.storeId()), START.toEpochMilli()));
    }

    void punctuateAt(Instant now) {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(now.toEpochMilli());
    }

    @Test
    void aPunctuationThatSentExpiriesCommitsAtOnce() {
        punctuateAt(START.plus(DEADLINE).plusSeconds(1));

        assertThat(context.forwarded())
                .singleElement()
                .satisfies(forwarded -> assertThat(forwarded.record().value()).isInstanceOf(ExpirePlacements.class));
        assertThat(context.committed()).isTrue();
    }

    @Test
    void aPunctuationWithNothingDueLeavesTheCommitToTheInterval() {
        punctuateAt(START.plusSeconds(1));

        assertThat(context.forwarded()).isEmpty();
        assertThat(context.committed()).isFalse();
    }
}
