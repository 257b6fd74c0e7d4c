package fi.yhdyspinta.platform.validation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks a {@link CodeOf}: the value is exactly the name of one constant, or absent. */
public class CodeOfValidator implements ConstraintValidator<CodeOf, String> {

    private Set<String> codes;
    private String message;

    @Override
    public void initialize(CodeOf annotation) {
        Enum<?>[] constants = annotation.value().getEnumConstants();
        codes = Arrays.stream(constants).map(Enum::name).collect(Collectors.toUnmodifiableSet());
        message = "must be one of " + Arrays.toString(constants);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isEmpty() || codes.contains(value)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
