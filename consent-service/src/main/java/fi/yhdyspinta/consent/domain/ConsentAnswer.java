package fi.yhdyspinta.consent.domain;

/** The client's answer when asked for consent. */
public enum ConsentAnswer {
    GIVEN,
    REFUSED
}
