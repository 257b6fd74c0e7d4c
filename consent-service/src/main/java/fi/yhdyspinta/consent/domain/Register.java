package fi.yhdyspinta.consent.domain;

/** The client-data register a prohibition protects (Client Data Act 784/2021): terveydenhuolto or sosiaalihuolto. */
public enum Register {
    HEALTH,
    SOCIAL
}
