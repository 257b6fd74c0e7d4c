package fi.yhdyspinta.consent.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fi.yhdyspinta.consent.domain.ConsentForm;
import fi.yhdyspinta.consent.domain.ConsentStatus;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.Purpose;

/** A consent or refusal as professionals and the client see it (FHIR Consent: permit/deny provision). */
public record ConsentView(UUID id, String clientId, Purpose purpose, List<String> recipients,
        Set<DataCategory> dataCategories, LocalDate validUntil, ConsentForm form, ConsentStatus status,
        String recordedByOrganisation, OffsetDateTime recordedAt, OffsetDateTime revokedAt) {
}
