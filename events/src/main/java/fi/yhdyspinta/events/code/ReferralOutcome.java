package fi.yhdyspinta.events.code;

/** How a completed referral ended, fed back to the sender (closed loop). */
public enum ReferralOutcome {
    SERVICE_PROVIDED,
    CLIENT_DECLINED,
    NO_SERVICE_NEEDED,
    REFERRED_ELSEWHERE,
    CLIENT_UNREACHABLE
}
