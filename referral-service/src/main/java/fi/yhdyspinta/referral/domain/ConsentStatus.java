package fi.yhdyspinta.referral.domain;

/** Where the consent decision for a referral stands, as its sender sees it (closed loop). */
public enum ConsentStatus {
    /** No decision yet: consent-service asked the professional to ask the client. */
    AWAITING,
    /** A permit (consent or statutory basis): the referral was sent. */
    GRANTED,
    /** Denied (refusal, prohibition, nothing to rest on); a later consent may still send a waiting referral. */
    DENIED,
    /** The consent the referral rested on was revoked: the referral is suspended. */
    REVOKED
}
