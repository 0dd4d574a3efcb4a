package pos.api.money;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link DecimalValue}; the message names the rule that failed. */
public class DecimalValueValidator implements ConstraintValidator<DecimalValue, Decimal> {

    private Sign sign = Sign.ANY;

    @Override
    public void initialize(DecimalValue annotation) {
        sign = annotation.sign();
    }

    @Override
    public boolean isValid(Decimal value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return value.violation(sign)
                .map(message -> {
                    context.disableDefaultConstraintViolation();
                    // escaped: the message is literal text, not an EL template
                    context.buildConstraintViolationWithTemplate(
                                    message.replace("{", "\\{").replace("$", "\\$"))
                            .addConstraintViolation();
                    return false;
                })
                .orElse(true);
    }
}
