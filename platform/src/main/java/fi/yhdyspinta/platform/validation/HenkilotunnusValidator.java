package fi.yhdyspinta.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import fi.yhdyspinta.platform.client.Henkilotunnus;

/** Says what is wrong with a henkilötunnus without repeating it. */
public class HenkilotunnusValidator implements ConstraintValidator<ValidHenkilotunnus, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return Henkilotunnus.problemWith(value).map(problem -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("is not a valid henkilötunnus: " + problem)
                    .addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
