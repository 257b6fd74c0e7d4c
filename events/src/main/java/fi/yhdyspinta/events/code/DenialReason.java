package fi.yhdyspinta.events.code;

/** Why a consent decision denied a disclosure (fail closed). */
public enum DenialReason {
    REFUSED,
    PROHIBITION,
    NO_VALID_CONSENT,
    REVOKED
}
