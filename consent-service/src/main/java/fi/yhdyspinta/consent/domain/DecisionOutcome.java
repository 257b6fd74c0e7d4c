package fi.yhdyspinta.consent.domain;

/** The outcome of a consent decision (AsL 16–17 §, 20 §, PotL 13 §): fail closed. */
public enum DecisionOutcome {
    /** A valid consent of the client covers the disclosure. */
    PERMIT,
    /** A statutory basis with a justification permits the disclosure without consent. */
    PERMIT_STATUTORY,
    DENY;

    public boolean permits() {
        return this != DENY;
    }
}
