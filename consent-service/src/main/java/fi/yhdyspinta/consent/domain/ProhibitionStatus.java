package fi.yhdyspinta.consent.domain;

public enum ProhibitionStatus {
    ACTIVE,
    REVOKED
}
