package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The free-text prefix is matched literally, and a NUL cannot break the BSON regular expression (a 500 before). */
class ProductFilterTest {

    @Test
    void escapesRegularExpressionSyntaxAndNul() {
        assertThat(ProductFilter.quote(".*(a)[b]{c}|d+e?^$\\"))
                .isEqualTo("\\.\\*\\(a\\)\\[b\\]\\{c\\}\\|d\\+e\\?\\^\\$\\\\");
        assertThat(ProductFilter.quote("a\u0000b")).isEqualTo("a\\x00b").doesNotContain("\u0000");
    }
}
