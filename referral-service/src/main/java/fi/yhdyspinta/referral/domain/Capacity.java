package fi.yhdyspinta.referral.domain;

/** Whether an offering takes new clients now (kapasiteetti). */
public enum Capacity {
    YES,
    NO,
    /** Takes clients onto a waiting list (jonotus); the offering then names a {@link WaitBand}. */
    WAITLIST
}
