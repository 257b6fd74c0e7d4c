package fi.yhdyspinta.consent.mapping;

import fi.yhdyspinta.consent.domain.Organisation;
import fi.yhdyspinta.consent.rest.OrganisationView;
import fi.yhdyspinta.events.payload.OrganisationChanged;

/** Organisation → view and → organisation-changed (no name on the wire: replicas need OID, sector, municipality). */
public final class OrganisationMapper {

    private OrganisationMapper() {
    }

    public static OrganisationView toView(Organisation o) {
        return new OrganisationView(o.oid, o.name, o.sector, o.municipality, o.active, o.version, o.updatedAt);
    }

    public static OrganisationChanged changed(Organisation o) {
        return new OrganisationChanged(o.oid, o.sector.name(), o.municipality, o.active, o.version);
    }
}
