package fi.yhdyspinta.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/** An organisation OID in the SOTE organisation register (1.2.246.10.…). Null is left to {@code @NotNull}. */
@Documented
@Pattern(regexp = OrganisationOid.PATTERN)
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@jakarta.validation.ReportAsSingleViolation
public @interface OrganisationOid {

    String PATTERN = "^1\\.2\\.246\\.10(\\.[0-9]+)+$";

    String message() default "must be an organisation OID under 1.2.246.10";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
