package fi.yhdyspinta.consent.domain;

/** Where a need that asked for a consent decision stands; {@link NeedTransitions} moves it. */
public enum PendingNeedStatus {
    /** Nothing to rest on yet: the client must be asked. */
    PENDING,
    /** Permitted: its referral may be sent. A new prohibition may withdraw it. */
    GRANTED,
    /** Denied (refusal, prohibition, unregistered party); a later answer or a revoked prohibition decides it again. */
    DENIED
}
