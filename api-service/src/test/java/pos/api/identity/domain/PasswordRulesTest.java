package pos.api.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void acceptsSixCharacters() {
        assertThat(PasswordRules.violation("abcdef")).isEmpty();
    }

    @Test
    void refusesFewerThanSixCharacters() {
        assertThat(PasswordRules.violation("abcde")).contains("must be at least 6 characters");
        assertThat(PasswordRules.violation("")).isPresent();
        assertThat(PasswordRules.violation(null)).isPresent();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(PasswordRules.violation("😀😀😀")).isPresent();
        assertThat(PasswordRules.violation("😀😀😀😀😀😀")).isEmpty();
    }

    @Test
    void acceptsExactly72Bytes() {
        assertThat(PasswordRules.violation("a".repeat(72))).isEmpty();
    }

    @Test
    void refusesMoreThan72BytesInsteadOfTruncating() {
        assertThat(PasswordRules.violation("a".repeat(73))).contains("must be at most 72 bytes in UTF-8");
        // 37 two-byte characters: 37 characters but 74 bytes
        assertThat(PasswordRules.violation("é".repeat(37))).isPresent();
        assertThat(PasswordRules.fitsBcrypt("é".repeat(36))).isTrue();
    }
}
