package fi.yhdyspinta.consent.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import fi.yhdyspinta.consent.domain.ProhibitionStatus;
import fi.yhdyspinta.consent.domain.Register;

public record ProhibitionView(UUID id, String clientId, Register register, String recipientOrganisation,
        ProhibitionStatus status, OffsetDateTime recordedAt, OffsetDateTime revokedAt) {
}
