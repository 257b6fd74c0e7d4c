package fi.yhdyspinta.events.code;

/** Why a receiver declined a referral; always with a suggested recipient (no pompottelu). */
public enum DeclineReason {
    NOT_IN_SCOPE,
    NO_CAPACITY,
    ALREADY_CLIENT_ELSEWHERE,
    OTHER_SERVICE_BETTER_SUITED
}
