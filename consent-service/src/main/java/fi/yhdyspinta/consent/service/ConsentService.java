package fi.yhdyspinta.consent.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.Codes;
import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.consent.domain.ConsentAnswer;
import fi.yhdyspinta.consent.domain.ConsentStatus;
import fi.yhdyspinta.consent.domain.DisclosureRules;
import fi.yhdyspinta.consent.mapping.ConsentEvents;
import fi.yhdyspinta.consent.repository.ClientLocks;
import fi.yhdyspinta.consent.repository.ConsentRepository;
import fi.yhdyspinta.consent.rest.ConsentRequest;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Consents (suostumus, AsL 16–17 §): recorded by a professional with the client's answer, seen by the
 * organisations they concern and by the client, revoked by either. A new answer decides the client's
 * pending needs it names.
 */
@ApplicationScoped
public class ConsentService {

    private final ConsentRepository consents;
    private final NeedDecisions needDecisions;
    private final Clients clients;
    private final ClientLocks locks;
    private final Outbox outbox;

    public ConsentService(ConsentRepository consents, NeedDecisions needDecisions, Clients clients,
            ClientLocks locks, Outbox outbox) {
        this.consents = consents;
        this.needDecisions = needDecisions;
        this.clients = clients;
        this.locks = locks;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Consent> record(ConsentRequest request, Caller caller, Causation causation) {
        String organisation = caller.requireOrganisation();
        if (request.validUntil().isBefore(LocalDate.now(DisclosureRules.COUNTY_ZONE))) {
            throw ProblemException.invalidField("validUntil", "must not be in the past");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.clientId = clients.of(request.client()).value();
        consent.purpose = request.purpose();
        consent.recipients = Codes.join(request.recipients());
        consent.dataCategories = Codes.join(request.dataCategories());
        consent.validUntil = request.validUntil();
        consent.form = request.form();
        consent.status = request.answerOrDefault() == ConsentAnswer.GIVEN ? ConsentStatus.ACTIVE
                : ConsentStatus.REFUSED;
        consent.recordedBy = caller.subject();
        consent.recordedByOrganisation = organisation;
        consent.recordedAt = Disclosures.now();
        return locks.lock(consent.clientId)
                .chain(() -> consents.persistAndFlush(consent))
                .chain(() -> needDecisions.afterAnswer(consent, caller.subject(), causation))
                .replaceWith(consent);
    }

    /** The client's consents that concern the caller's organisation (it recorded them or is named in them). */
    @WithSession
    public Uni<List<Consent>> ofClient(String hetu, Caller caller) {
        String organisation = caller.requireOrganisation();
        return consents.findByClient(clients.of(hetu).value())
                .map(list -> list.stream().filter(c -> c.visibleTo(organisation)).toList());
    }

    /** The calling client's own consents. */
    @WithSession
    public Uni<List<Consent>> mine(Caller caller) {
        return consents.findByClient(clients.ofCaller(caller).value());
    }

    /** Revocation by a professional of an organisation the consent concerns, or by the client themself. */
    @WithTransaction
    public Uni<Consent> revoke(UUID id, Caller caller, Causation causation) {
        return consents.findById(id).chain(consent -> {
            if (consent == null || !mayChange(consent, caller)) {
                throw ProblemException.notFound("consent");
            }
            if (consent.status != ConsentStatus.ACTIVE) {
                throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                        "a consent in status " + consent.status + " cannot be revoked", List.of(),
                        Map.of("currentStatus", consent.status));
            }
            OffsetDateTime now = Disclosures.now();
            consent.status = ConsentStatus.REVOKED;
            consent.revokedAt = now;
            consent.revokedBy = Clients.isProfessional(caller) ? caller.subject() : "client";
            return outbox.record(EventType.CONSENT_REVOKED, new ClientId(consent.clientId),
                    ConsentEvents.revoked(consent), causation).replaceWith(consent);
        });
    }

    private boolean mayChange(Consent consent, Caller caller) {
        if (Clients.isProfessional(caller)) {
            return consent.visibleTo(caller.requireOrganisation());
        }
        return clients.ofCaller(caller).value().equals(consent.clientId);
    }
}
