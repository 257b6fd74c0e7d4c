package fi.yhdyspinta.consent.domain;

/** Where a need that asked for a consent decision stands. */
public enum PendingNeedStatus {
    /** Nothing to rest on yet: the client must be asked. */
    PENDING,
    GRANTED,
    DENIED
}
