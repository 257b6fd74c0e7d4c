package fi.yhdyspinta.events.code;

/** What the client needs from the other sector. */
public enum NeedCategory {
    MENTAL_HEALTH,
    SUBSTANCE_USE,
    HOUSING,
    LIVELIHOOD,
    EMPLOYMENT,
    CHILD_AND_FAMILY,
    ELDERLY_CARE,
    DISABILITY,
    LONELINESS,
    DOMESTIC_VIOLENCE,
    OTHER
}
