package pos.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class IsoInstantsTest {

    private static final Random RANDOM = new Random(20261207);

    /** Instants of every kind: any second from year -2000 to 12000, nanos with 0, 3, 6 or 9 significant digits. */
    static List<Instant> instants(int count) {
        long from = Instant.parse("-2000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        var instants = new ArrayList<Instant>(List.of(
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("2024-02-29T12:00:00.100Z"),
                Instant.EPOCH,
                Instant.ofEpochSecond(-1, 1)));
        for (int i = 0; i < count; i++) {
            long second = from + (long) (RANDOM.nextDouble() * (to - from));
            int nano = switch (RANDOM.nextInt(4)) {
                case 0 -> 0;
                case 1 -> RANDOM.nextInt(1_000) * 1_000_000;
                case 2 -> RANDOM.nextInt(1_000_000) * 1_000;
                default -> RANDOM.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        return instants;
    }

    @Test
    void formatsExactlyAsInstantToStringAndReadsBackWhatItWrote() {
        for (var instant : instants(200_000)) {
            var text = IsoInstants.format(instant);
            assertThat(text).isEqualTo(instant.toString());
            if (!text.startsWith("+") && !text.startsWith("-")) {
                assertThat(IsoInstants.parse(text)).isEqualTo(instant);
            }
        }
    }

    @Test
    void readsEveryFractionLengthAsTheIsoParserDoes() {
        var base = "2026-12-07T23:44:05";
        var digits = "123456789";
        for (int length = 1; length <= 9; length++) {
            var text = base + "." + digits.substring(0, length) + "Z";
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(IsoInstants.parse("2026-12-07T23:44:05.000Z")).isEqualTo(Instant.parse("2026-12-07T23:44:05Z"));
        assertThat(IsoInstants.parse("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-07T10:00:00+01:00",
                "2026-12-07T10:00:00.5+01:00",
                "2026-12-07T10:00Z",
                "2026-12-07t10:00:00Z",
                "2026-12-07T10:00:00z",
                "2026-12-07 10:00:00Z",
                "2026-02-30T00:00:00Z",
                "2023-02-29T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-00-01T00:00:00Z",
                "2026-12-00T00:00:00Z",
                "2026-12-07T24:00:00Z",
                "2026-12-07T10:60:00Z",
                "2026-12-07T23:59:60Z",
                "2026-12-07T10:00:00.Z",
                "2026-12-07T10:00:00.1234567890Z",
                "2026-12-07T10:00:00,5Z",
                "2026-12-07T10:00:0aZ",
                "+12026-12-07T10:00:00Z",
                "-2026-12-07T10:00:00Z",
                " 2026-12-07T10:00:00Z",
                "2026-12-07T10:00:00Z ",
                "２０２６-12-07T10:00:00Z",
                "",
                "1765100000"
            })
    void answersNothingForAnyOtherFormWhichIsThenReadTheGeneralWay(String text) {
        assertThat(IsoInstants.parse(text)).isNull();

        // through the topics' mapper such a value reads as Jackson's own deserializer reads it, or fails as it does
        var json = "\"" + text + "\"";
        var general = JsonMapper.builder().build();
        Object expected = outcome(() -> general.readValue(json, Instant.class));
        Object actual = outcome(() -> PosJson.mapper().readValue(json, Instant.class));
        if (expected instanceof Throwable) {
            assertThat(actual).isInstanceOf(Throwable.class);
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void theTopicsMapperWritesAndReadsInstantsAsJacksonsOwnDoes() {
        var general = JsonMapper.builder().build();
        for (var instant : instants(2_000)) {
            assertThat(PosJson.mapper().writeValueAsString(instant)).isEqualTo(general.writeValueAsString(instant));
            var json = general.writeValueAsString(instant);
            assertThat(PosJson.mapper().readValue(json, Instant.class)).isEqualTo(instant);
        }
        // a number is epoch seconds, as before
        assertThat(PosJson.mapper().readValue("1765100000", Instant.class))
                .isEqualTo(general.readValue("1765100000", Instant.class));
        assertThat(PosJson.mapper().readValue("null", Instant.class)).isNull();
    }

    private static Object outcome(java.util.concurrent.Callable<Object> read) {
        try {
            return read.call();
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    void aNonsenseValueFailsAsItDidBefore() {
        assertThat(catchThrowable(() -> PosJson.mapper().readValue("\"yesterday\"", Instant.class)))
                .isInstanceOf(tools.jackson.core.JacksonException.class)
                .hasMessageContaining("Instant");
    }
}
