package pos.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AdjustmentReasonsTest {

    @ParameterizedTest
    @ValueSource(strings = {"delivery", "count", "waste", "return", "transfer", "correction"})
    void keepsAValidReasonCodeWhateverTheReasonSays(String code) {
        assertThat(AdjustmentReasons.codeFor(code, "expired milk")).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "delivery|delivery",
                "Delivery from Acme, invoice 12|delivery",
                "  DELIVERED|delivery",
                "stocktake|count",
                "counted again|count",
                "expired milk|waste",
                "damaged in transit|waste",
                "waste|waste",
                "returned by customer|return",
                "refund|return",
                "transfer to store 2|transfer",
                "correction|correction"
            })
    void mapsAFreeTextReasonByItsFirstWord(String reason, String code) {
        assertThat(AdjustmentReasons.codeFor(null, reason)).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "inventory-fix 3", "1 delivery", "redelivery", "weekly delivery", "deliveryman"})
    void fallsBackToCorrectionWhenTheReasonNamesNoKind(String reason) {
        assertThat(AdjustmentReasons.codeFor(null, reason)).isEqualTo("correction");
    }

    @Test
    void anUnknownOrMiscasedCodeIsNoCodeAndTheReasonDecides() {
        assertThat(AdjustmentReasons.isCode("Delivery")).isFalse();
        assertThat(AdjustmentReasons.isCode("theft")).isFalse();
        assertThat(AdjustmentReasons.codeFor("theft", "waste")).isEqualTo("waste");
        assertThat(AdjustmentReasons.codeFor("Delivery", null)).isEqualTo("correction");
    }
}
