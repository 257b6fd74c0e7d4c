package fi.yhdyspinta.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A query parameter that takes one code of an enum ({@code ?status=SENT}). Checked by bean validation,
 * so a request with several bad parameters hears about all of them at once, by name; JAX-RS itself
 * would answer a wrong enum value with 404. Null and empty mean "not given". Put
 * {@code @Parameter(schema = @Schema(implementation = TheCodes.class))} beside it so that the OpenAPI
 * document lists the codes; {@link fi.yhdyspinta.platform.problem.QueryCodes} then reads the value.
 */
@Documented
@Constraint(validatedBy = CodeOfValidator.class)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CodeOf {

    /** The codes. */
    Class<? extends Enum<?>> value();

    String message() default "must be one of the codes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
