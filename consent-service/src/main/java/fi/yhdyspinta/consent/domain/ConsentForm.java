package fi.yhdyspinta.consent.domain;

/** How the client gave (or refused) the consent: suullinen, kirjallinen, sähköinen. */
public enum ConsentForm {
    ORAL,
    WRITTEN,
    ELECTRONIC
}
