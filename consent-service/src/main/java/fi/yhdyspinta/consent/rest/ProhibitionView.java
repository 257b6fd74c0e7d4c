package fi.yhdyspinta.consent.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import fi.yhdyspinta.consent.domain.ProhibitionStatus;
import fi.yhdyspinta.consent.domain.Register;

/** A prohibition: {@code recordedByOrganisation} is null when the client recorded it themself. */
public record ProhibitionView(UUID id, String clientId, Register register, String recipientOrganisation,
        ProhibitionStatus status, String recordedByOrganisation, OffsetDateTime recordedAt,
        OffsetDateTime revokedAt) {
}
