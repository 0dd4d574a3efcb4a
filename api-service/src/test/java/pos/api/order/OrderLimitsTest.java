package pos.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import pos.api.web.ApiException;
import pos.schemas.Limits;
import pos.schemas.value.OrderLine;

/** What a placement copies from the catalog stays within the limits the store ledger's records are sized for. */
class OrderLimitsTest {

    private static OrderLine line(String sku, String name) {
        return new OrderLine("65d000000000000000000001", sku, name, BigDecimal.ONE, BigDecimal.ONE);
    }

    @Test
    void namesAndSkusAtTheLimitPass() {
        assertThatCode(() -> OrderLimits.check(List.of(
                        line("S".repeat(Limits.MAX_SKU_LENGTH), "n".repeat(Limits.MAX_PRODUCT_NAME_LENGTH)),
                        line(null, null))))
                .doesNotThrowAnyException();
    }

    @Test
    void aLongerNameIsA400NamingTheLimit() {
        assertThatThrownBy(() -> OrderLimits.check(List.of(line("SKU", "n".repeat(6_000)))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(String.valueOf(Limits.MAX_PRODUCT_NAME_LENGTH));
                });
    }

    @Test
    void aLongerSkuIsA400() {
        assertThatThrownBy(() -> OrderLimits.check(List.of(line("S".repeat(Limits.MAX_SKU_LENGTH + 1), "Tea"))))
                .isInstanceOf(ApiException.class);
    }
}
