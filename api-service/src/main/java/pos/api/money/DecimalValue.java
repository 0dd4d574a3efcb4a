package pos.api.money;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean Validation for a {@link Decimal} request field: well formed (16:2) and on the right side of zero, e.g.
 * {@code @NotNull @DecimalValue(sign = Sign.POSITIVE) Decimal qty}. A malformed value is reported with
 * {@link Decimal#INVALID_MESSAGE}, a wrong sign with {@link Sign#message()}; {@code null} is left to
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = DecimalValueValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD, ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface DecimalValue {

    Sign sign();

    String message() default Decimal.INVALID_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
