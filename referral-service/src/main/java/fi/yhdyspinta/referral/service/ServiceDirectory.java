package fi.yhdyspinta.referral.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.domain.Capacity;
import fi.yhdyspinta.referral.domain.Organisation;
import fi.yhdyspinta.referral.domain.ServiceOffering;
import fi.yhdyspinta.referral.repository.DirectoryQuery;
import fi.yhdyspinta.referral.repository.OrganisationRepository;
import fi.yhdyspinta.referral.repository.ServiceOfferingRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The service directory (palveluhakemisto). An organisation's unit lead maintains its own offerings; the
 * organisation must be active in the registry, whose sector the offering takes. Everyone working with clients
 * searches it, and a decline's suggested recipient is checked against the registry through it
 * ({@link #requireActiveOrganisation}).
 */
@ApplicationScoped
public class ServiceDirectory {

    private final ServiceOfferingRepository offerings;
    private final OrganisationRepository organisations;

    public ServiceDirectory(ServiceOfferingRepository offerings, OrganisationRepository organisations) {
        this.offerings = offerings;
        this.organisations = organisations;
    }

    @WithSession
    public Uni<List<ServiceOffering>> search(DirectoryQuery query) {
        return offerings.search(query);
    }

    @WithSession
    public Uni<ServiceOffering> find(UUID id) {
        return offerings.findById(id).map(offering -> {
            if (offering == null) {
                throw ProblemException.notFound("service");
            }
            return offering;
        });
    }

    @WithTransaction
    public Uni<ServiceOffering> register(OfferingDetails details, Caller caller) {
        String organisation = caller.requireOrganisation();
        return organisations.findById(organisation).chain(registered -> {
            if (registered == null || !registered.active) {
                throw ProblemException.forbidden("the caller's organisation is not active in the organisation registry");
            }
            ServiceOffering offering = new ServiceOffering();
            offering.id = UUID.randomUUID();
            offering.organisationOid = organisation;
            offering.sector = registered.sector;
            apply(offering, details);
            return offerings.persist(offering);
        });
    }

    /** Only the owning organisation changes its offering; with {@code expectedVersion}, only that version. */
    @WithTransaction
    public Uni<ServiceOffering> change(UUID id, OfferingDetails details, OptionalLong expectedVersion, Caller caller) {
        String organisation = caller.requireOrganisation();
        return offerings.findById(id).map(offering -> {
            if (offering == null) {
                throw ProblemException.notFound("service");
            }
            if (!offering.organisationOid.equals(organisation)) {
                throw ProblemException.forbidden("only the organisation that offers a service maintains it");
            }
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != offering.version) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "the service was changed meanwhile: read it again (its ETag is its version)");
            }
            apply(offering, details);
            return offering;
        }).call(offerings::flush);
    }

    /**
     * Where a declined client may be sent instead must be an organisation that exists and takes part: unknown or
     * inactive → 400 naming the field.
     */
    public Uni<Organisation> requireActiveOrganisation(String oid, String field) {
        return organisations.findById(oid).map(registered -> {
            if (registered == null || !registered.active) {
                throw ProblemException.invalidField(field, "is not an active organisation of the registry");
            }
            return registered;
        });
    }

    private static void apply(ServiceOffering offering, OfferingDetails details) {
        if (details.capacity() == Capacity.WAITLIST && details.waitBand() == null) {
            throw ProblemException.invalidField("waitBand", "is required when capacity is WAITLIST");
        }
        if (details.capacity() != Capacity.WAITLIST && details.waitBand() != null) {
            throw ProblemException.invalidField("waitBand", "is given only when capacity is WAITLIST");
        }
        offering.name = details.name().strip();
        offering.categories = "," + details.categories().stream().distinct().map(Enum::name)
                .collect(Collectors.joining(",")) + ",";
        offering.municipality = details.municipality();
        offering.languages = "," + details.languages().stream().distinct().map(l -> l.code())
                .collect(Collectors.joining(",")) + ",";
        offering.capacity = details.capacity();
        offering.waitBand = details.waitBand();
        offering.active = details.active();
        offering.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
