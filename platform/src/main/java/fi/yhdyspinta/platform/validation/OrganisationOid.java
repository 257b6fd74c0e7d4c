package fi.yhdyspinta.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An organisation OID in the SOTE organisation register (1.2.246.10.…), at most 64 characters and 20
 * arcs (see {@link OrganisationOids}). Null is left to {@code @NotNull}. Put {@code @Size(max = 64)}
 * beside it as well, so that the OpenAPI document states the limit.
 */
@Documented
@Constraint(validatedBy = OrganisationOidValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface OrganisationOid {

    String message() default "must be an organisation OID under 1.2.246.10";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
