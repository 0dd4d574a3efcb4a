package pos.api.kitchen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedCursorTest {

    @Test
    void formatsAndParsesEveryPartitionInOrder() {
        var cursor = FeedCursor.of(Map.of(2, 789L, 0, 123L, 1, 456L));
        assertThat(cursor.format()).isEqualTo("0:123.1:456.2:789");
        assertThat(FeedCursor.parse("0:123.1:456.2:789")).contains(cursor);
    }

    @Test
    void advancesPastARecordAndNeverGoesBack() {
        var cursor = FeedCursor.of(Map.of(0, 10L, 1, 5L));
        assertThat(cursor.after(1, 7).format()).isEqualTo("0:10.1:8");
        assertThat(cursor.after(0, 3).format())
                .as("an older record moves nothing")
                .isEqualTo("0:10.1:5");
        assertThat(cursor.max(FeedCursor.of(Map.of(0, 4L, 1, 9L, 2, 1L))).format())
                .isEqualTo("0:10.1:9.2:1");
    }

    @Test
    void aPartitionTheCursorDoesNotNameStartsAtTheBeginning() {
        assertThat(FeedCursor.of(Map.of(0, 3L)).position(4)).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "0",
                "0:",
                ":1",
                "a:1",
                "0:-1",
                "-1:0",
                "0:1.0:2",
                "0:1..1:2",
                "0:1.",
                "0:1 ",
                "99999:1",
                "0:99999999999999999999",
                "0:1;1:2"
            })
    void refusesWhatIsNotACursor(String text) {
        assertThat(FeedCursor.parse(text)).isEmpty();
    }

    @Test
    void refusesOverlongIdsBeforeParsingThem() {
        assertThat(FeedCursor.parse("0:1." + "1".repeat(FeedCursor.MAX_LENGTH))).isEmpty();
        var many = new StringBuilder("0:0");
        for (int p = 1; p <= FeedCursor.MAX_PARTITIONS; p++) {
            many.append('.').append(p).append(":0");
        }
        assertThat(FeedCursor.parse(many.toString())).isEmpty();
    }
}
