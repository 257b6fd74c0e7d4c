package fi.yhdyspinta.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * An organisation OID in the SOTE organisation register (1.2.246.10.…), at most 64 characters and 20
 * arcs (see {@link OrganisationOids}). Null is left to {@code @NotNull}. Put {@code @Size(max = 64)}
 * beside it as well, so that the OpenAPI document states the limit.
 * <p>
 * The composed {@code @Pattern} is there for the OpenAPI document (a client generator and an integrator
 * see the format); its quantifiers are bounded, so even an OID of thousands of arcs fails it after at
 * most 16 repetitions, without deep regex recursion. The scan of {@link OrganisationOids} decides.
 */
@Documented
@Pattern(regexp = OrganisationOid.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = OrganisationOidValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface OrganisationOid {

    /** The format as the OpenAPI document states it: the prefix, then at most 16 more arcs. */
    String PATTERN = "^1\\.2\\.246\\.10(\\.(0|[1-9][0-9]{0,17})){1,16}$";

    String message() default "must be an organisation OID under 1.2.246.10: at most 64 characters and 20 arcs, "
            + "arcs of digits without leading zeros";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
