package fi.yhdyspinta.events.code;

/** Sector of an organisation or a target of a need. */
public enum Sector {
    HEALTH,
    SOCIAL,
    NGO,
    MUNICIPALITY
}
