package fi.yhdyspinta.careplan.service;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.repository.OrganisationSectors;
import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.events.payload.OrganisationChanged;
import io.smallrye.mutiny.Uni;

/** {@code organisation-changed} keeps the sectors the hints count (consent-service owns the registry). */
@ApplicationScoped
public class OrganisationReplica {

    private final OrganisationSectors sectors;

    public OrganisationReplica(OrganisationSectors sectors) {
        this.sectors = sectors;
    }

    public Uni<Void> changed(CloudEvent event, OrganisationChanged organisation) {
        return sectors.upsertIfNewer(organisation.oid(), Sector.valueOf(organisation.sector()), organisation.active(),
                organisation.version(), event.time().withOffsetSameInstant(ZoneOffset.UTC)).replaceWithVoid();
    }
}
