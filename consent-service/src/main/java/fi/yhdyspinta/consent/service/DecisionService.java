package fi.yhdyspinta.consent.service;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.ConsentDecision;
import fi.yhdyspinta.consent.domain.DisclosureRequest;
import fi.yhdyspinta.consent.domain.PendingNeed;
import fi.yhdyspinta.consent.repository.ClientLocks;
import fi.yhdyspinta.consent.repository.ConsentDecisionRepository;
import fi.yhdyspinta.consent.repository.PendingNeedRepository;
import fi.yhdyspinta.consent.rest.DecisionRequest;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Consent decisions asked for over REST, and the disclosure log as the requesting organisation and
 * the client see it. A permit is announced as {@code consent-granted}; when it names a waiting need,
 * that need's referral proceeds.
 */
@ApplicationScoped
public class DecisionService {

    private static final int ACCESS_LOG_LIMIT = 500;

    private final Disclosures disclosures;
    private final NeedDecisions needDecisions;
    private final ConsentDecisionRepository decisions;
    private final PendingNeedRepository needs;
    private final Clients clients;
    private final ClientLocks locks;

    public DecisionService(Disclosures disclosures, NeedDecisions needDecisions, ConsentDecisionRepository decisions,
            PendingNeedRepository needs, Clients clients, ClientLocks locks) {
        this.locks = locks;
        this.disclosures = disclosures;
        this.needDecisions = needDecisions;
        this.decisions = decisions;
        this.needs = needs;
        this.clients = clients;
    }

    @WithTransaction
    public Uni<ConsentDecision> decide(DecisionRequest body, Caller caller, Causation causation) {
        LegalBasis basis = body.statutoryBasis();
        if (basis == LegalBasis.CONSENT) {
            throw ProblemException.invalidField("statutoryBasis",
                    "must be a statutory basis (SHL_35_INCAPABLE, SHL_35_CHILD_INTEREST, ASL_20, LSL_25); "
                            + "leave it out to decide on consent");
        }
        if (basis != null && (body.justification() == null || body.justification().isBlank())) {
            throw ProblemException.invalidField("justification", "is required with a statutory basis");
        }
        ClientId clientId = clients.of(body.client());
        DisclosureRequest request = new DisclosureRequest(clientId.value(), caller.requireOrganisation(),
                caller.requireSector(), body.recipientOrganisation(), body.recipientSector(), body.purpose(),
                EnumSet.copyOf(body.dataCategories()), basis, body.justification());
        OffsetDateTime now = Disclosures.now();
        return locks.lock(request.clientId())
                .chain(() -> waitingNeed(body, request))
                .chain(need -> disclosures.evaluate(request, now.toInstant())
                        .chain(decision -> disclosures.log(request, decision, body.needId(), caller.subject(), now)
                                .chain(logged -> {
                                    if (!decision.permits()) {
                                        return Uni.createFrom().item(logged);
                                    }
                                    if (need != null) {
                                        return needDecisions.grantedElsewhere(need, logged, decision, causation)
                                                .replaceWith(logged);
                                    }
                                    return disclosures.announce(logged, decision, causation);
                                })));
    }

    /** The need named in the request: the client's, the caller's organisation a party to it, same recipient and purpose. */
    private Uni<PendingNeed> waitingNeed(DecisionRequest body, DisclosureRequest request) {
        if (body.needId() == null) {
            return Uni.createFrom().nullItem();
        }
        return needs.findById(body.needId()).map(need -> {
            if (need == null || !need.clientId.equals(request.clientId())
                    || !(need.sourceOrganisation.equals(request.requestingOrganisation())
                            || need.targetOrganisation.equals(request.requestingOrganisation()))) {
                throw ProblemException.notFound("need");
            }
            if (!need.targetOrganisation.equals(request.recipientOrganisation())
                    || need.purpose != request.purpose()) {
                throw ProblemException.invalidField("needId",
                        "names a need for another recipient organisation or purpose");
            }
            return need;
        });
    }

    /** A decision the caller's organisation asked for. */
    @WithSession
    public Uni<ConsentDecision> find(UUID id, Caller caller) {
        String organisation = caller.requireOrganisation();
        return decisions.findById(id).map(decision -> {
            if (decision == null || !decision.requestingOrganisation.equals(organisation)) {
                throw ProblemException.notFound("consent decision");
            }
            return decision;
        });
    }

    /** The calling client's access log: every decision about their data, newest first. */
    @WithSession
    public Uni<List<ConsentDecision>> accessLog(Caller caller) {
        return decisions.findByClient(clients.ofCaller(caller).value(), ACCESS_LOG_LIMIT);
    }
}
