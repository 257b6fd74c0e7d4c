package fi.yhdyspinta.referral.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.events.payload.OrganisationChanged;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.referral.domain.Organisation;
import fi.yhdyspinta.referral.repository.OrganisationRepository;
import io.smallrye.mutiny.Uni;

/**
 * The organisation registry as this service knows it (DESIGN §7): the sectors of a need's source and
 * target come from here, never from a request body or a token claim. Runs in the caller's session.
 */
@ApplicationScoped
public class OrganisationRegistry {

    private static final Logger LOG = Logger.getLogger(OrganisationRegistry.class);

    private final OrganisationRepository organisations;

    public OrganisationRegistry(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    /** The caller's own organisation: unknown to the registry or no longer active → 403. */
    public Uni<Organisation> actingOrganisation(String oid) {
        return organisations.findById(oid).map(org -> {
            if (org == null || !org.active) {
                throw ProblemException.forbidden("the caller's organisation is not an active organisation of the registry");
            }
            return org;
        });
    }

    /** An organisation named in a request: unknown or no longer active → 400 naming the field. */
    public Uni<Organisation> activeOrganisation(String oid, String field) {
        return organisations.findById(oid).map(org -> {
            if (org == null || !org.active) {
                throw ProblemException.invalidField(field, "must be an active organisation of the registry");
            }
            return org;
        });
    }

    /** Applies {@code organisation-changed}, unless the replica already holds a newer version. */
    public Uni<Void> changed(CloudEvent event, OrganisationChanged change) {
        return organisations.findById(change.oid()).chain(org -> {
            if (org != null && org.version > change.version()) {
                LOG.infof("organisation-changed %s is older (version %d) than the replica's (%d): ignored",
                        event.id(), change.version(), org.version);
                return Uni.createFrom().voidItem();
            }
            Organisation target = org != null ? org : new Organisation();
            target.oid = change.oid();
            target.sector = Sector.valueOf(change.sector());
            target.municipality = change.municipality();
            target.active = change.active();
            target.version = change.version();
            target.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return org != null ? Uni.createFrom().voidItem() : organisations.persist(target).replaceWithVoid();
        });
    }
}
