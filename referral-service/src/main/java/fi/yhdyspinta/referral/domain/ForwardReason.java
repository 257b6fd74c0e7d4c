package fi.yhdyspinta.referral.domain;

/** Why a receiver forwards a referral (siirto) instead of answering it: a code, never free text. */
public enum ForwardReason {
    /** Another organisation's service fits the client's need better. */
    BETTER_SUITED,
    /** The receiver has no capacity within the referral's deadline. */
    NO_CAPACITY,
    /** The client moved to another municipality or county. */
    CLIENT_MOVED,
    OTHER
}
