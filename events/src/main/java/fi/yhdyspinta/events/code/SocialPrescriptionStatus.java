package fi.yhdyspinta.events.code;

/**
 * Where a social prescription (hyvinvointilähete) stands at the NGO: prescribed (its referral waits for
 * consent or was sent), the client started the activity, then how it went.
 */
public enum SocialPrescriptionStatus {
    PRESCRIBED,
    STARTED,
    ATTENDED,
    DID_NOT_ATTEND,
    DECLINED
}
