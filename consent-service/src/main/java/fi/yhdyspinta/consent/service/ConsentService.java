package fi.yhdyspinta.consent.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.command.RecordConsent;
import fi.yhdyspinta.consent.domain.Codes;
import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.consent.domain.ConsentAnswer;
import fi.yhdyspinta.consent.domain.ConsentForm;
import fi.yhdyspinta.consent.domain.ConsentStatus;
import fi.yhdyspinta.consent.domain.DisclosureRules;
import fi.yhdyspinta.consent.fhir.ConsentDocuments;
import fi.yhdyspinta.consent.mapping.ConsentEvents;
import fi.yhdyspinta.consent.repository.ClientLocks;
import fi.yhdyspinta.consent.repository.ConsentRepository;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.platform.archive.ServiceClock;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.Problem;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Consents (suostumus, AsL 16–17 §) and refusals. The client answers the discloser: a professional of
 * the organisation that would disclose records what the client said (never an organisation named
 * among the recipients — it would release data to itself), or the client records it themself
 * ({@code /me/consents}). A new answer decides the client's pending and denied needs it names: those
 * of the recording organisation, or all of them when the client recorded it. Seen by the organisations
 * it concerns and by the client; revoked by either.
 */
@ApplicationScoped
public class ConsentService {

    private final ConsentRepository consents;
    private final NeedDecisions needDecisions;
    private final OrganisationService registry;
    private final Clients clients;
    private final ClientLocks locks;
    private final Outbox outbox;
    private final ConsentAudit audit;
    private final ConsentDocuments archive;
    private final ServiceClock clock;

    public ConsentService(ConsentRepository consents, NeedDecisions needDecisions, OrganisationService registry,
            Clients clients, ClientLocks locks, Outbox outbox, ConsentAudit audit, ConsentDocuments archive,
            ServiceClock clock) {
        this.consents = consents;
        this.needDecisions = needDecisions;
        this.registry = registry;
        this.clients = clients;
        this.locks = locks;
        this.outbox = outbox;
        this.audit = audit;
        this.archive = archive;
        this.clock = clock;
    }

    /**
     * A professional records the client's answer for the organisation that would disclose (the caller's). Audited
     * as CREATE; a refusal (403) as a refused CREATE.
     */
    @WithTransaction
    public Uni<Consent> record(String hetu, RecordConsent command, Caller caller, Causation causation) {
        ClientId clientId = clients.of(hetu);
        return Uni.createFrom().deferred(() -> recordAnswer(hetu, command, clientId, caller, causation))
                .onFailure().transform(e -> ConsentAudit.auditedIfForbidden(e, problem -> audit.consentRefused(problem,
                        caller, clientId, command.purpose(), causation.correlationId())))
                .call(consent -> audit.consentCreated(caller, consent, causation.correlationId()));
    }

    private Uni<Consent> recordAnswer(String hetu, RecordConsent command, ClientId clientId, Caller caller,
            Causation causation) {
        String organisation = caller.requireOrganisation();
        if (command.recipients().contains(organisation)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "recipients: a recipient cannot record the consent that releases data to itself; "
                            + "the discloser or the client records it",
                    List.of(new Problem.FieldError("recipients", "must not name the caller's own organisation")),
                    Map.of());
        }
        Consent consent = answer(clientId, command);
        consent.recordedBy = caller.subject();
        consent.recordedByOrganisation = organisation;
        return registry.activeSectorOf(organisation).invoke(sector -> {
            if (sector.isEmpty()) {
                throw ProblemException.forbidden("the caller's organisation is not an active organisation of the registry");
            }
        })
                // the archive document (Kanta-style, issue 8) commits with the answer; the henkilötunnus only there.
                // It depends on the answer alone, so it is built before the client's lock: the lock is held only
                // while the client's needs are decided (a need arriving meanwhile waits for it, DESIGN §4 step 2)
                .chain(() -> archive.recorded(consent, hetu, causation))
                .chain(() -> store(consent, caller.subject(), causation));
    }

    /** The client records their own answer (electronically); it speaks for every discloser. */
    @WithTransaction
    public Uni<Consent> recordOwn(RecordConsent command, Caller caller, Causation causation) {
        Consent consent = answer(clients.ofCaller(caller), command);
        consent.form = ConsentForm.ELECTRONIC;
        consent.recordedBy = Consent.BY_CLIENT;
        consent.recordedByOrganisation = null;
        return store(consent, Consent.BY_CLIENT, causation)
                .call(stored -> audit.consentCreated(caller, stored, causation.correlationId()));
    }

    /** A consent's last day (validUntil, inclusive) is counted in the county's zone, on the service's clock. */
    private void requireFuture(LocalDate validUntil) {
        if (validUntil.isBefore(clock.today(DisclosureRules.COUNTY_ZONE))) {
            throw ProblemException.invalidField("validUntil", "must not be in the past");
        }
    }

    /** The answer as a consent row, recorded now; its last day must not have passed. */
    private Consent answer(ClientId clientId, RecordConsent command) {
        requireFuture(command.validUntil());
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.clientId = clientId.value();
        consent.purpose = command.purpose();
        consent.recipients = Codes.join(command.recipients());
        consent.dataCategories = Codes.join(command.dataCategories());
        consent.validUntil = command.validUntil();
        consent.form = command.form();
        consent.status = command.answer() == ConsentAnswer.GIVEN ? ConsentStatus.ACTIVE : ConsentStatus.REFUSED;
        consent.recordedAt = clock.now();
        return consent;
    }

    private Uni<Consent> store(Consent consent, String requestedBy, Causation causation) {
        return locks.lock(consent.clientId)
                .chain(() -> consents.persistAndFlush(consent))
                .chain(() -> needDecisions.afterAnswer(consent, requestedBy, causation))
                .replaceWith(consent);
    }

    /**
     * The client's consents that concern the caller's organisation (it recorded them or is named in them); each
     * one returned is audited (LIST).
     */
    @WithTransaction
    public Uni<List<Consent>> ofClient(String hetu, Caller caller, String correlationId) {
        String organisation = caller.requireOrganisation();
        return consents.findByClient(clients.of(hetu).value())
                .map(list -> list.stream().filter(c -> c.visibleTo(organisation)).toList())
                .call(list -> audit.consentsListed(caller, list, correlationId));
    }

    /** The calling client's own consents, each audited (LIST by the client). */
    @WithTransaction
    public Uni<List<Consent>> mine(Caller caller, String correlationId) {
        return consents.findByClient(clients.ofCaller(caller).value())
                .call(list -> audit.consentsListed(caller, list, correlationId));
    }

    /** Revocation by a professional of an organisation the consent concerns, or by the client themself. */
    @WithTransaction
    public Uni<Consent> revoke(UUID id, Caller caller, Causation causation) {
        return consents.findById(id).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("consent");
            }
            if (!mayChange(found, caller)) {
                throw audit.consentHidden(caller, AuditAction.REVOKE, found, causation.correlationId());
            }
            // concurrent changes of the row meet its @Version (409); the lock orders it among the client's decisions
            return locks.lock(found.clientId).replaceWith(found).chain(consent -> {
                if (consent.status != ConsentStatus.ACTIVE) {
                    throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                            "a consent in status " + consent.status + " cannot be revoked", List.of(),
                            Map.of("currentStatus", consent.status));
                }
                OffsetDateTime now = clock.now();
                consent.status = ConsentStatus.REVOKED;
                consent.revokedAt = now;
                consent.revokedBy = Clients.isProfessional(caller) ? caller.subject() : Consent.BY_CLIENT;
                return outbox.record(EventType.CONSENT_REVOKED, new ClientId(consent.clientId),
                        ConsentEvents.revoked(consent), causation)
                        .chain(() -> audit.consentRevoked(caller, consent, causation.correlationId()))
                        .chain(() -> archive.revoked(consent, Clients.isProfessional(caller)
                                ? caller.organisation() : java.util.Optional.empty(), causation))
                        .replaceWith(consent);
            });
        });
    }

    private boolean mayChange(Consent consent, Caller caller) {
        if (Clients.isProfessional(caller)) {
            return consent.visibleTo(caller.requireOrganisation());
        }
        return clients.ofCaller(caller).value().equals(consent.clientId);
    }
}
