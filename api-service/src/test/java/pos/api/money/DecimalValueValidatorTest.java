package pos.api.money;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** How another feature declares decimal fields: {@code @DecimalValue} with the field's sign rule. */
class DecimalValueValidatorTest {

    record Line(
            @NotNull @DecimalValue(sign = Sign.POSITIVE) Decimal qty,
            @DecimalValue(sign = Sign.NON_NEGATIVE) Decimal price) {}

    record Adjustment(
            @NotNull @DecimalValue(sign = Sign.NON_ZERO) Decimal delta) {}

    record Order(List<@DecimalValue(sign = Sign.POSITIVE) Decimal> quantities) {}

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void acceptsWellFormedValuesOnTheRightSide() {
        assertThat(errors(new Line(Decimal.parse("1.5"), Decimal.parse("0")))).isEmpty();
        assertThat(errors(new Line(Decimal.parse("2"), null))).isEmpty();
        assertThat(errors(new Adjustment(Decimal.parse("-3")))).isEmpty();
    }

    @Test
    void namesTheFieldWithTheOriginalMessageForAMalformedValue() {
        assertThat(errors(new Line(Decimal.parse("0.001"), Decimal.invalid("true"))))
                .containsOnly(Map.entry("qty", Decimal.INVALID_MESSAGE), Map.entry("price", Decimal.INVALID_MESSAGE));
    }

    @Test
    void namesTheSignRuleThatFailed() {
        assertThat(errors(new Line(Decimal.parse("0"), Decimal.parse("-0.01"))))
                .containsOnly(
                        Map.entry("qty", "must be greater than 0"),
                        Map.entry("price", "must be greater than or equal to 0"));
        assertThat(errors(new Adjustment(Decimal.parse("0.00")))).containsOnly(Map.entry("delta", "must not be 0"));
    }

    @Test
    void leavesMissingValuesToNotNull() {
        assertThat(errors(new Adjustment(null))).containsOnly(Map.entry("delta", "must not be null"));
    }

    @Test
    void worksOnCollectionElements() {
        assertThat(errors(new Order(List.of(Decimal.parse("1"), Decimal.parse("-1")))))
                .containsOnly(Map.entry("quantities[1].<list element>", "must be greater than 0"));
    }

    private Map<String, String> errors(Object bean) {
        return validator.validate(bean).stream()
                .collect(Collectors.toMap(v -> v.getPropertyPath().toString(), v -> v.getMessage()));
    }
}
