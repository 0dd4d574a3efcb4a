package pos.api.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CategoryRulesTest {

    @Test
    void storesNamesTrimmedAndLowerCased() {
        assertThat(CategoryRules.normaliseName("  Hot DRINKS ")).isEqualTo("hot drinks");
        assertThat(CategoryRules.normaliseName("ISTANBUL")).isEqualTo("istanbul");
    }

    @Test
    void storesPrefixesTrimmedAndUpperCased() {
        assertThat(CategoryRules.normalisePrefix(" fod ")).isEqualTo("FOD");
        assertThat(CategoryRules.normalisePrefix("mini")).isEqualTo("MINI");
    }

    @ParameterizedTest(name = "\"{0}\" is a valid prefix")
    @ValueSource(strings = {"", "F", "FOD", "FOOD-HOT", "A.B_C-1", "ABCDEFGHIJ"})
    void acceptsShortPrefixesOfSkuCharacters(String prefix) {
        assertThat(CategoryRules.prefixProblem(prefix)).isEmpty();
    }

    @Test
    void refusesPrefixesLongerThanTenCharacters() {
        assertThat(CategoryRules.prefixProblem("ABCDEFGHIJK")).contains("SKU prefix must not exceed 10 characters");
    }

    @ParameterizedTest(name = "\"{0}\" has characters a SKU cannot have")
    @ValueSource(strings = {"A/B", "A B", "-AB", ".AB", "ÄB", "A#"})
    void refusesCharactersThatASkuCannotHave(String prefix) {
        assertThat(CategoryRules.prefixProblem(prefix)).contains(CategoryRules.PREFIX_CHARACTERS);
    }
}
