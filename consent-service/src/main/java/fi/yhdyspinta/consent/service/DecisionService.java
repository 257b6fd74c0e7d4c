package fi.yhdyspinta.consent.service;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.command.AskDisclosure;
import fi.yhdyspinta.consent.domain.ConsentDecision;
import fi.yhdyspinta.consent.domain.DisclosureRequest;
import fi.yhdyspinta.consent.domain.PendingNeed;
import fi.yhdyspinta.consent.domain.StatutoryEntitlement;
import fi.yhdyspinta.consent.repository.ClientLocks;
import fi.yhdyspinta.consent.repository.ConsentDecisionRepository;
import fi.yhdyspinta.consent.repository.PendingNeedRepository;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.Problem;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Consent decisions asked for over REST, and the disclosure log as the requesting organisation and
 * the client see it. The caller's organisation is the discloser: it asks whether it may give the
 * client's data to the recipient, never the recipient for itself. Both sectors come from the
 * organisation registry. A statutory basis is claimed only by whom the law gives it to
 * ({@link StatutoryEntitlement}). A permit is announced as {@code consent-granted}; when it names a
 * waiting need of the caller's organisation, that need's referral proceeds.
 */
@ApplicationScoped
public class DecisionService {

    private final Disclosures disclosures;
    private final NeedDecisions needDecisions;
    private final ConsentDecisionRepository decisions;
    private final PendingNeedRepository needs;
    private final OrganisationService registry;
    private final Clients clients;
    private final ClientLocks locks;
    private final ConsentAudit audit;

    public DecisionService(Disclosures disclosures, NeedDecisions needDecisions, ConsentDecisionRepository decisions,
            PendingNeedRepository needs, OrganisationService registry, Clients clients, ClientLocks locks,
            ConsentAudit audit) {
        this.audit = audit;
        this.locks = locks;
        this.disclosures = disclosures;
        this.needDecisions = needDecisions;
        this.decisions = decisions;
        this.needs = needs;
        this.registry = registry;
        this.clients = clients;
    }

    /**
     * Decides and logs the disclosure; audited as DECIDE with the decision's basis. A refusal (403: the recipient
     * asking, a basis the caller's role lacks, an organisation out of the registry; 404: another organisation's
     * need) is audited as a refused attempt.
     */
    @WithTransaction
    public Uni<ConsentDecision> decide(AskDisclosure command, Caller caller, Causation causation) {
        ClientId clientId = clients.of(command.client());
        return Uni.createFrom().deferred(() -> decideNow(command, clientId, caller, causation))
                .onFailure().transform(e -> ConsentAudit.auditedIfForbidden(e, problem -> audit.decisionRefused(
                        problem, caller, clientId, command.purpose(), causation.correlationId())))
                .call(decision -> audit.decided(caller, decision, causation.correlationId()));
    }

    private Uni<ConsentDecision> decideNow(AskDisclosure command, ClientId clientId, Caller caller,
            Causation causation) {
        LegalBasis basis = command.statutoryBasis();
        if (basis == LegalBasis.CONSENT) {
            throw ProblemException.invalidField("statutoryBasis",
                    "must be a statutory basis (SHL_35_INCAPABLE, SHL_35_CHILD_INTEREST, ASL_20, LSL_25); "
                            + "leave it out to decide on consent");
        }
        if (basis != null && (command.justification() == null || command.justification().isBlank())) {
            throw ProblemException.invalidField("justification", "is required with a statutory basis");
        }
        String discloser = caller.requireOrganisation();
        if (discloser.equals(command.recipientOrganisation())) {
            throw forbidden("recipientOrganisation", "the recipient cannot ask for a disclosure to itself: "
                    + "the organisation that holds the data (the discloser) asks");
        }
        OffsetDateTime now = disclosures.now();
        return registry.activeSectors(List.of(discloser, command.recipientOrganisation()))
                .map(sectors -> request(command, clientId, discloser, sectors, caller))
                .call(request -> locks.lock(request.clientId()))
                .chain(request -> waitingNeed(command, request, caller, causation).chain(need -> disclosures.evaluate(request, now.toInstant())
                        .chain(decision -> disclosures.log(request, decision, command.needId(), caller.subject(), now)
                                .chain(logged -> {
                                    if (!decision.permits()) {
                                        return Uni.createFrom().item(logged);
                                    }
                                    if (need != null) {
                                        return needDecisions.permittedOnRequest(need, logged, decision, causation)
                                                .replaceWith(logged);
                                    }
                                    return disclosures.announce(logged, decision, causation);
                                }))));
    }

    /** The disclosure asked for, with the registry's sectors; refused when the registry or the law says no. */
    private static DisclosureRequest request(AskDisclosure command, ClientId clientId, String discloser,
            Map<String, Sector> sectors, Caller caller) {
        Sector discloserSector = sectors.get(discloser);
        if (discloserSector == null) {
            throw ProblemException.forbidden("the caller's organisation is not an active organisation of the registry");
        }
        Sector recipientSector = sectors.get(command.recipientOrganisation());
        if (recipientSector == null) {
            throw ProblemException.invalidField("recipientOrganisation",
                    "is not an active organisation of the registry");
        }
        DisclosureRequest request = new DisclosureRequest(clientId.value(), discloser, discloserSector,
                command.recipientOrganisation(), recipientSector, command.purpose(), EnumSet.copyOf(command.dataCategories()),
                command.statutoryBasis(), command.justification());
        StatutoryEntitlement.refusal(request, caller.roles()).ifPresent(why -> {
            throw forbidden("statutoryBasis", why);
        });
        return request;
    }

    private static ProblemException forbidden(String field, String why) {
        return new ProblemException(ProblemType.FORBIDDEN, field + ": " + why,
                List.of(new Problem.FieldError(field, why)), Map.of());
    }

    /**
     * The need named in the request: the client's, identified by the caller's organisation (its source,
     * the discloser — the target never asks), for the same recipient and purpose.
     */
    private Uni<PendingNeed> waitingNeed(AskDisclosure command, DisclosureRequest request, Caller caller,
            Causation causation) {
        if (command.needId() == null) {
            return Uni.createFrom().nullItem();
        }
        return needs.findById(command.needId()).map(need -> {
            if (need == null) {
                throw ProblemException.notFound("need");
            }
            if (!need.clientId.equals(request.clientId())
                    || !need.sourceOrganisation.equals(request.requestingOrganisation())) {
                throw audit.needHidden(caller, need.needId, need.clientId, need.purpose, causation.correlationId());
            }
            if (!need.targetOrganisation.equals(request.recipientOrganisation())
                    || need.purpose != request.purpose()) {
                throw ProblemException.invalidField("needId",
                        "names a need for another recipient organisation or purpose");
            }
            return need;
        });
    }

    /** A decision the caller's organisation asked for; audited (READ), another organisation's refused (404). */
    @WithTransaction
    public Uni<ConsentDecision> find(UUID id, Caller caller, String correlationId) {
        String organisation = caller.requireOrganisation();
        return decisions.findById(id).map(decision -> {
            if (decision == null) {
                throw ProblemException.notFound("consent decision");
            }
            if (!decision.requestingOrganisation.equals(organisation)) {
                throw audit.decisionHidden(caller, decision, correlationId);
            }
            return decision;
        }).call(decision -> audit.decisionRead(caller, decision, correlationId));
    }
}
