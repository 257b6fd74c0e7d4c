package fi.yhdyspinta.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks an {@link OrganisationOid} by {@link OrganisationOids}: a scan, never a recursive regular expression. */
public class OrganisationOidValidator implements ConstraintValidator<OrganisationOid, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return OrganisationOids.problemWith(value).map(problem -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be an organisation OID under 1.2.246.10: " + problem)
                    .addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
