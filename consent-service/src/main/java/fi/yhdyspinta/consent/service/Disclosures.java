package fi.yhdyspinta.consent.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.Codes;
import fi.yhdyspinta.consent.domain.ConsentDecision;
import fi.yhdyspinta.consent.domain.Decision;
import fi.yhdyspinta.consent.domain.DisclosureRequest;
import fi.yhdyspinta.consent.domain.DisclosureRules;
import fi.yhdyspinta.consent.mapping.ConsentEvents;
import fi.yhdyspinta.consent.repository.ConsentDecisionRepository;
import fi.yhdyspinta.consent.repository.ConsentRepository;
import fi.yhdyspinta.consent.repository.ProhibitionRepository;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.platform.archive.ServiceClock;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * The one place where consent decisions are made and logged: {@link DisclosureRules} on the client's
 * current consents and prohibitions, then a row in the disclosure log and, when the decision is
 * announced, its {@code consent-granted} / {@code consent-denied} event in the same transaction.
 */
@ApplicationScoped
public class Disclosures {

    /** {@code requested_by} of decisions asked for by a consumed event. */
    public static final String BY_EVENT = "event";

    private final ConsentRepository consents;
    private final ProhibitionRepository prohibitions;
    private final ConsentDecisionRepository decisions;
    private final Outbox outbox;
    private final ServiceClock clock;

    public Disclosures(ConsentRepository consents, ProhibitionRepository prohibitions,
            ConsentDecisionRepository decisions, Outbox outbox, ServiceClock clock) {
        this.consents = consents;
        this.prohibitions = prohibitions;
        this.decisions = decisions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Now on the service's clock (UTC, microseconds): decisions, answers and their deadlines read it. */
    public OffsetDateTime now() {
        return clock.now();
    }

    /** Applies the rules to the client's consents and prohibitions as they are now. Needs a session. */
    public Uni<Decision> evaluate(DisclosureRequest request, Instant now) {
        return consents.findByClient(request.clientId())
                .chain(clientConsents -> prohibitions.findActiveByClient(request.clientId())
                        .map(active -> DisclosureRules.decide(request, clientConsents, active, now)));
    }

    /** Appends the decision to the disclosure log. Must run inside a transaction. */
    public Uni<ConsentDecision> log(DisclosureRequest request, Decision decision, UUID needId, String requestedBy,
            OffsetDateTime decidedAt) {
        ConsentDecision row = new ConsentDecision();
        row.id = UUID.randomUUID();
        row.clientId = request.clientId();
        row.needId = needId;
        row.requestingOrganisation = request.requestingOrganisation();
        row.requestedBy = requestedBy;
        row.recipientOrganisation = request.recipientOrganisation();
        row.purpose = request.purpose();
        row.dataCategories = Codes.join(request.dataCategories());
        row.outcome = decision.outcome();
        row.basis = decision.basis();
        row.reason = decision.reason();
        row.consentId = decision.consentId();
        row.justification = request.hasJustification() ? request.justification() : null;
        row.decidedAt = decidedAt;
        return decisions.persist(row);
    }

    /** Records {@code consent-granted} or {@code consent-denied} for a logged decision. */
    public Uni<ConsentDecision> announce(ConsentDecision logged, Decision decision, Causation causation) {
        ClientId clientId = new ClientId(logged.clientId);
        Uni<?> recorded = decision.permits()
                ? outbox.record(EventType.CONSENT_GRANTED, clientId, ConsentEvents.granted(logged,
                        decision.validUntil()), causation)
                : outbox.record(EventType.CONSENT_DENIED, clientId, ConsentEvents.denied(logged), causation);
        return recorded.replaceWith(logged);
    }
}
