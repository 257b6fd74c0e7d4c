package fi.yhdyspinta.platform.archive;

/**
 * How long the archive keeps a document (säilytysaika), by the kind of record. Modelled classes, not legal
 * advice: the archive decides the exact period from the class and the client's data.
 */
public enum ArchiveRetention {
    /** Patient documents: 12 years after the patient's death, or 120 years from birth (STM 298/2009 annex). */
    PATIENT_RECORD,
    /** Social-care client documents: 12 years after the client document was made, unless kept permanently. */
    SOCIAL_CLIENT_RECORD,
    /** Consents and their revocations: kept as long as the records they released. */
    CONSENT_RECORD
}
