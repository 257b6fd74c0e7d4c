package fi.yhdyspinta.testsupport.fhir;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * HAPI's FhirInstanceValidator against the FHIR R4 base definitions, offline: the errors (and fatals) it finds in a
 * resource. A view or an archive bundle is valid when this is empty. A module that uses it declares the HAPI
 * validation artefacts itself (test scope): test-support keeps them optional, so no other module carries them.
 */
public final class FhirValidation {

    private static final FhirValidator VALIDATOR = validator();

    private FhirValidation() {
    }

    private static FhirValidator validator() {
        FhirContext context = FhirContext.forR4Cached();
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context), new CommonCodeSystemsTerminologyService(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        return context.newValidator().registerValidatorModule(instanceValidator);
    }

    /** Every error and fatal message, as "location: message". */
    public static synchronized List<String> errors(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::text).toList();
    }

    /** Everything it said, for a failing assertion's description. */
    public static synchronized List<String> all(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream().map(FhirValidation::text).toList();
    }

    private static String text(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }
}
