package fi.yhdyspinta.events.code;

/** Purpose of a disclosure; a consent covers named purposes only. */
public enum Purpose {
    REFERRAL,
    CONTACT,
    JOINT_ASSESSMENT,
    JOINT_CLIENT_PLAN,
    /** Social prescribing (hyvinvointilähete): a professional refers a client to an NGO activity; need summary and contact only. */
    SOCIAL_PRESCRIBING
}
