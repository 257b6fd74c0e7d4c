package fi.yhdyspinta.consent.domain;

/** A recorded answer: an active consent, a refusal, or a consent the client later revoked. */
public enum ConsentStatus {
    ACTIVE,
    REFUSED,
    REVOKED
}
