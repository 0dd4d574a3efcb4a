package pos.api.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SkuRulesTest {

    @ParameterizedTest(name = "\"{0}\" is stored as {1}")
    @CsvSource(
            delimiter = '|',
            ignoreLeadingAndTrailingWhitespace = false,
            value = {
                "ABC-123|ABC-123",
                "abc-123|ABC-123",
                " burger.l_1 |BURGER.L_1",
                "A1|A1",
                "9-9|9-9",
                "FOD-20260205-A3B7|FOD-20260205-A3B7"
            })
    void trimsAndUpperCasesClientSkus(String sku, String expected) {
        assertThat(SkuRules.normaliseClientSku(sku)).contains(expected);
    }

    @Test
    void acceptsUpToSixtyFourCharacters() {
        assertThat(SkuRules.normaliseClientSku("A".repeat(64))).isPresent();
        assertThat(SkuRules.normaliseClientSku("A".repeat(65))).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(
            strings = {
                "",
                " ",
                "A",
                "-ABC",
                ".ABC",
                "_ABC",
                "AB/CD",
                "AB CD",
                "AB#1",
                "ÄBC",
                "AB\u00A0C",
                "ab?c",
                "A\nB"
            })
    void refusesSkusOutsideThePattern(String sku) {
        assertThat(SkuRules.normaliseClientSku(sku)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(SkuRules.normaliseClientSku(null)).isEmpty();
    }

    @Test
    void upperCasesWithoutTheServerLocale() {
        // in a Turkish locale "i".toUpperCase() is a dotted capital I, which the pattern refuses
        assertThat(SkuRules.normaliseClientSku("mini-1")).contains("MINI-1");
    }

    @Test
    void usesTheCategoryPrefixOrPrd() {
        assertThat(SkuRules.prefixFor("FOD")).isEqualTo("FOD");
        assertThat(SkuRules.prefixFor("")).isEqualTo("PRD");
        assertThat(SkuRules.prefixFor(null)).isEqualTo("PRD");
    }
}
