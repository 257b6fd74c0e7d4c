package fi.yhdyspinta.referral.domain;

/** How long the waiting list of an offering is, roughly (jonotusaika). */
public enum WaitBand {
    UNDER_2_WEEKS,
    WEEKS_2_TO_6,
    OVER_6_WEEKS
}
