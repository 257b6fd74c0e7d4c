package fi.yhdyspinta.events.code;

/** How an audited act ended: permitted, or refused (the refusal's HTTP status, 403 or 404, travels beside it). */
public enum AuditOutcome {
    PERMITTED,
    REFUSED
}
