package fi.yhdyspinta.careplan.consent;

/** consent-service could not be asked: no plan is created or widened without its decision (fail closed). */
public class ConsentServiceUnavailable extends RuntimeException {

    public ConsentServiceUnavailable(Throwable cause) {
        super("consent-service unavailable", cause, false, false);
    }
}
