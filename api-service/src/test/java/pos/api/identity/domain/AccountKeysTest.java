package pos.api.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountKeysTest {

    @Test
    void comparesWithoutRegardToCaseOrSurroundingSpace() {
        assertThat(AccountKeys.normalise(" Alice@Example.COM ")).isEqualTo("alice@example.com");
    }

    @Test
    void isLocaleIndependent() {
        // the Turkish locale would turn I into a dotless i
        assertThat(AccountKeys.normalise("ILKER")).isEqualTo("ilker");
    }
}
