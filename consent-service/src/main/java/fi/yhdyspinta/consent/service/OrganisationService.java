package fi.yhdyspinta.consent.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.consent.command.RegisterOrganisation;
import fi.yhdyspinta.consent.domain.Organisation;
import fi.yhdyspinta.consent.mapping.OrganisationMapper;
import fi.yhdyspinta.consent.repository.OrganisationRepository;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.platform.archive.ServiceClock;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.registry.SeedOrganisation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The organisation registry (DESIGN §7): the one source of organisations' sectors. Managed by
 * {@code admin}; every change bumps the version and records {@code organisation-changed} (keyed by
 * OID) in the same transaction, so that replicas in other services follow.
 */
@ApplicationScoped
public class OrganisationService {

    private static final Logger LOG = Logger.getLogger(OrganisationService.class);

    /** Lock key of seeding an empty registry. */
    private static final String SEEDING = "";

    private final OrganisationRepository organisations;
    private final Outbox outbox;
    private final ServiceClock clock;

    public OrganisationService(OrganisationRepository organisations, Outbox outbox, ServiceClock clock) {
        this.organisations = organisations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The outcome of a PUT: the organisation as it now is, and whether it was created or changed. */
    public record Registration(Organisation organisation, boolean created, boolean changed) {
    }

    @WithSession
    public Uni<List<Organisation>> search(Sector sector, String municipality) {
        return organisations.search(sector, municipality);
    }

    @WithSession
    public Uni<Organisation> find(String oid) {
        return organisations.findById(oid).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("organisation");
            }
            return found;
        });
    }

    /** Creates or updates the organisation; a PUT of the same state changes nothing (no version, no event). */
    @WithTransaction
    public Uni<Registration> put(String oid, RegisterOrganisation command, Causation causation) {
        return register(oid, command, causation);
    }

    /** Registers the organisations if the registry is empty, through the same path as a PUT (events go out). */
    @WithTransaction
    public Uni<Integer> seedIfEmpty(List<SeedOrganisation> seed) {
        return organisations.lock(SEEDING).chain(() -> organisations.count()).chain(count -> {
            if (count > 0) {
                LOG.infof("organisation registry holds %d organisations: no seeding", count);
                return Uni.createFrom().item(0);
            }
            Causation causation = Causation.newChain();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (SeedOrganisation o : seed) {
                RegisterOrganisation command = new RegisterOrganisation(o.name(), o.sector(), o.municipality(), o.active());
                chain = chain.chain(() -> register(o.oid(), command, causation)).replaceWithVoid();
            }
            return chain.invoke(() -> LOG.infof("organisation registry seeded with %d demo organisations",
                    seed.size())).replaceWith(seed.size());
        });
    }

    private Uni<Registration> register(String oid, RegisterOrganisation command, Causation causation) {
        return organisations.lock(oid).chain(() -> organisations.findById(oid)).chain(existing -> {
            boolean active = command.active();
            if (existing != null && !existing.differsFrom(command.name(), command.sector(), command.municipality(),
                    active)) {
                return Uni.createFrom().item(new Registration(existing, false, false));
            }
            Organisation organisation = existing != null ? existing : new Organisation();
            organisation.oid = oid;
            organisation.name = command.name();
            organisation.sector = command.sector();
            organisation.municipality = command.municipality();
            organisation.active = active;
            organisation.version = existing != null ? existing.version + 1 : 1;
            organisation.updatedAt = clock.now();
            Uni<Organisation> stored = existing != null ? Uni.createFrom().item(organisation)
                    : organisations.persist(organisation);
            return stored.chain(o -> outbox.recordForOrganisation(EventType.ORGANISATION_CHANGED, o.oid,
                    OrganisationMapper.changed(o), causation))
                    .replaceWith(new Registration(organisation, existing == null, true));
        });
    }

    /** The sector of an active organisation of the registry; empty when unknown or inactive. Needs a session. */
    public Uni<Optional<Sector>> activeSectorOf(String oid) {
        return activeSectors(List.of(oid)).map(sectors -> Optional.ofNullable(sectors.get(oid)));
    }

    /** The sectors of those of these organisations that are active in the registry. Needs a session. */
    public Uni<Map<String, Sector>> activeSectors(Collection<String> oids) {
        return organisations.findActive(oids)
                .map(found -> found.stream().collect(Collectors.toMap(o -> o.oid, o -> o.sector)));
    }
}
