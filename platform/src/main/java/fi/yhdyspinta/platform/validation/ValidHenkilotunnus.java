package fi.yhdyspinta.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A valid Finnish henkilötunnus: date, century sign and check character. Null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = HenkilotunnusValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidHenkilotunnus {

    String message() default "is not a valid henkilötunnus";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
