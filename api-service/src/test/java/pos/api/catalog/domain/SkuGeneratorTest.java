package pos.api.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkuGeneratorTest {

    private static final Instant NOON = Instant.parse("2026-02-05T12:00:00Z");

    @Test
    void formatsPrefixUtcDateAndAFourCharacterCode() {
        var sku = generator(Clock.fixed(NOON, ZoneOffset.UTC)).generate("FOD", 0);

        assertThat(sku).matches("FOD-20260205-[A-Z0-9]{4}");
    }

    @Test
    void usesTheUtcDateWhateverTheClockZone() {
        // 23:30 UTC on the 5th is already the 6th in Jakarta and still the 5th in Honolulu
        var lateEvening = Instant.parse("2026-02-05T23:30:00Z");

        assertThat(generator(Clock.fixed(lateEvening, ZoneId.of("Asia/Jakarta")))
                        .generate("FOD", 0))
                .startsWith("FOD-20260205-");
        assertThat(generator(Clock.fixed(lateEvening, ZoneId.of("Pacific/Honolulu")))
                        .generate("FOD", 0))
                .startsWith("FOD-20260205-");
    }

    @Test
    void followsTheClock() {
        var clock = Clock.fixed(Instant.parse("2027-12-31T00:00:00Z"), ZoneOffset.UTC);

        assertThat(generator(clock).generate("DRK", 3)).startsWith("DRK-20271231-");
    }

    @ParameterizedTest(name = "prefix \"{0}\" falls back to PRD")
    @ValueSource(strings = {"", " "})
    void fallsBackToPrdWithoutAPrefix(String prefix) {
        assertThat(generator(Clock.fixed(NOON, ZoneOffset.UTC)).generate(prefix, 0))
                .matches("PRD-20260205-[A-Z0-9]{4}");
        assertThat(generator(Clock.fixed(NOON, ZoneOffset.UTC)).generate(null, 0))
                .matches("PRD-20260205-[A-Z0-9]{4}");
    }

    @Test
    void switchesToALongerCodeAfterTheShortAttempts() {
        var generator = generator(Clock.fixed(NOON, ZoneOffset.UTC));

        assertThat(generator.generate("FOD", SkuGenerator.SHORT_CODE_ATTEMPTS - 1))
                .matches("FOD-20260205-[A-Z0-9]{4}");
        assertThat(generator.generate("FOD", SkuGenerator.SHORT_CODE_ATTEMPTS)).matches("FOD-20260205-[A-Z0-9]{8}");
        assertThat(generator.generate("FOD", SkuGenerator.MAX_ATTEMPTS - 1)).matches("FOD-20260205-[A-Z0-9]{8}");
    }

    @Test
    void refusesAttemptsOutOfRange() {
        var generator = generator(Clock.fixed(NOON, ZoneOffset.UTC));

        assertThatIllegalArgumentException().isThrownBy(() -> generator.generate("FOD", -1));
        assertThatIllegalArgumentException().isThrownBy(() -> generator.generate("FOD", SkuGenerator.MAX_ATTEMPTS));
    }

    @Test
    void drawsEveryCharacterOfTheAlphabet() {
        var generator = generator(Clock.fixed(NOON, ZoneOffset.UTC));
        var seen = new HashSet<Character>();
        for (int i = 0; i < 2_000; i++) {
            generator.generate("X", 0).substring("X-20260205-".length()).chars().forEach(c -> seen.add((char) c));
        }

        assertThat(seen).hasSize(36);
        assertThat(SkuGenerator.ALPHABET).hasSize(36).doesNotContain("-");
    }

    @Test
    void generatesCodesFromTheRandomSource() {
        RandomGenerator first = () -> 0L; // nextInt(bound) of a source returning 0 is always 0
        var clock = Clock.fixed(NOON, ZoneOffset.UTC);

        assertThat(new SkuGenerator(clock, first).generate("FOD", 0)).isEqualTo("FOD-20260205-AAAA");
    }

    @Test
    void generatedSkusAreValidClientSkus() {
        var generator = generator(Clock.fixed(NOON, ZoneOffset.UTC));

        assertThat(SkuRules.normaliseClientSku(generator.generate("FOOD.HOT_1", 15)))
                .isPresent();
        assertThat(SkuRules.normaliseClientSku(generator.generate("", 0))).isPresent();
    }

    private static SkuGenerator generator(Clock clock) {
        return new SkuGenerator(clock, new Random(42));
    }
}
