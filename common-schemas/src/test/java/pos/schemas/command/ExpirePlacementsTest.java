package pos.schemas.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pos.schemas.Limits;
import pos.schemas.Samples;
import pos.schemas.Topics;
import pos.schemas.serde.JsonSerdes;

class ExpirePlacementsTest {

    @Test
    void commandIdIsDerivedFromTheStoreAndTheFirstAndLastOrder() {
        var batch = ExpirePlacements.of(Samples.STORE, List.of("o1", "o2", "o3"), Samples.AT);

        assertThat(batch.commandId()).isEqualTo("expire:" + Samples.STORE + ":o1..o3");
        assertThat(ExpirePlacements.of(Samples.STORE, List.of("o1", "o2", "o3"), Samples.AT.plusSeconds(5))
                        .commandId())
                .isEqualTo(batch.commandId());
    }

    @Test
    void eachOrderIsExpiredAsASingleExpiryOfItWouldBe() {
        var batch = ExpirePlacements.of(Samples.STORE, List.of(Samples.ORDER, Samples.ORDER_2), Samples.AT);

        assertThat(batch.expiryOf(Samples.ORDER))
                .isEqualTo(new ExpirePlacement(
                        ExpirePlacement.commandIdFor(Samples.ORDER), Samples.ORDER, Samples.STORE, Samples.AT));
    }

    @Test
    void refusesAnEmptyOversizedOrRepeatingBatch() {
        assertThatThrownBy(() -> new ExpirePlacements("c", Samples.STORE, List.of(), Samples.AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new ExpirePlacements("c", Samples.STORE, ids(ExpirePlacements.MAX_ORDERS + 1), Samples.AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpirePlacements("c", Samples.STORE, List.of("o1", "o1"), Samples.AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullBatchIsFarBelowTheRecordSizeLimit() {
        var full = ExpirePlacements.of(Samples.STORE, ids(ExpirePlacements.MAX_ORDERS), Samples.AT);

        byte[] written = JsonSerdes.orderCommand().serialize(Topics.ORDER_COMMANDS, full);

        assertThat(written.length).isLessThan(Limits.MAX_RECORD_BYTES / 50);
    }

    private static List<String> ids(int count) {
        return new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> String.format("65b%021x", i))
                .toList());
    }
}
