package fi.yhdyspinta.events.code;

/** On what a permitted disclosure rests: the client's consent or a statutory basis (SHL 35 §, AsL 20 §, LSL 25 §). */
public enum LegalBasis {
    CONSENT,
    SHL_35_INCAPABLE,
    SHL_35_CHILD_INTEREST,
    ASL_20,
    LSL_25
}
