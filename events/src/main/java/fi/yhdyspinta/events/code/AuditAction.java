package fi.yhdyspinta.events.code;

/** What an audited act did with client data (DESIGN §8). */
public enum AuditAction {
    /** One resource read (a referral, a need, a consent, an overview, …). */
    READ,
    /** A list answer: one record per client it returned. */
    LIST,
    CREATE,
    /** A change of state: accept, decline, start, complete, acknowledge, forward, … */
    UPDATE,
    /** A consent decision (suostumuspäätös) or a permit for a disclosure. */
    DECIDE,
    /** A consent or prohibition revoked. */
    REVOKE,
    DELETE,
    /** Data handed on outside the suite (an archive document pulled). */
    EXPORT
}
