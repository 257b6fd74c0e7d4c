package fi.yhdyspinta.events.code;

/**
 * The register a document belongs to (Client Data Act 784/2021): social-care client documents
 * (sosiaalihuollon asiakasrekisteri) and patient documents (potilasrekisteri) are separate registers,
 * each archived to its own national archive service.
 */
public enum ArchiveRegister {
    /** Sosiaalihuollon asiakastiedon arkisto. */
    SOCIAL,
    /** Potilastiedon arkisto. */
    HEALTH
}
