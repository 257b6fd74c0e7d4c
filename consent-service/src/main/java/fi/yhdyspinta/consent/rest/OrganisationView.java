package fi.yhdyspinta.consent.rest;

import java.time.OffsetDateTime;

import fi.yhdyspinta.events.code.Sector;

/** An organisation of the registry. */
public record OrganisationView(String oid, String name, Sector sector, String municipality, boolean active,
        long version, OffsetDateTime updatedAt) {
}
