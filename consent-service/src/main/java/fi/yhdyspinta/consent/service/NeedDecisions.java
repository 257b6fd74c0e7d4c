package fi.yhdyspinta.consent.service;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.consent.domain.Codes;
import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.consent.domain.ConsentDecision;
import fi.yhdyspinta.consent.domain.Decision;
import fi.yhdyspinta.consent.domain.DisclosureRequest;
import fi.yhdyspinta.consent.domain.DisclosureRules;
import fi.yhdyspinta.consent.domain.NeedTransitions;
import fi.yhdyspinta.consent.domain.NeedTransitions.Trigger;
import fi.yhdyspinta.consent.domain.PendingNeed;
import fi.yhdyspinta.consent.domain.PendingNeedStatus;
import fi.yhdyspinta.consent.domain.Prohibition;
import fi.yhdyspinta.consent.mapping.ConsentEvents;
import fi.yhdyspinta.consent.repository.ClientLocks;
import fi.yhdyspinta.consent.repository.ConsentDecisionRepository;
import fi.yhdyspinta.consent.repository.PendingNeedRepository;
import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.inbox.PoisonEventException;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * The one place where needs are decided (DESIGN §4 step 2, closed loop of §2). A need-identified
 * event is decided at once; later, a consent or refusal of its source organisation or of the client,
 * a new prohibition, a revoked prohibition or a statutory permit asked for it decides it again, and
 * {@link NeedTransitions} says whether that changes its standing. Each change is logged and announced:
 * GRANTED → consent-granted, DENIED → consent-denied (naming the source organisation, so that the
 * sender is told), PENDING → consent-requested. The sectors of the source and target organisations
 * come from the registry at each decision, never from the event. Runs inside the caller's transaction
 * (the inbox's, or the request's), under the client's lock.
 */
@ApplicationScoped
public class NeedDecisions {

    private static final Logger LOG = Logger.getLogger(NeedDecisions.class);

    private final PendingNeedRepository needs;
    private final ConsentDecisionRepository decisions;
    private final Disclosures disclosures;
    private final OrganisationService registry;
    private final ClientLocks locks;
    private final Outbox outbox;
    private final ConsentAudit audit;

    public NeedDecisions(PendingNeedRepository needs, ConsentDecisionRepository decisions, Disclosures disclosures,
            OrganisationService registry, ClientLocks locks, Outbox outbox, ConsentAudit audit) {
        this.audit = audit;
        this.needs = needs;
        this.decisions = decisions;
        this.disclosures = disclosures;
        this.registry = registry;
        this.locks = locks;
        this.outbox = outbox;
    }

    /** Handles one need-identified event (called once per event id by the inbox). */
    public Uni<Void> needIdentified(CloudEvent event, NeedIdentified payload) {
        if (!payload.clientId().equals(event.subject())) {
            throw new PoisonEventException("need-identified subject is not the payload's clientId");
        }
        UUID needId = UUID.fromString(payload.needId());
        // the registry is read before the client's lock (it is not the client's), so that the lock is held only
        // while the need is stored and decided; its first decision uses this reading, later ones read again
        return registry.activeSectors(List.of(payload.sourceOrganisation(), payload.targetOrganisation()))
                .chain(sectors -> locks.lock(payload.clientId()).chain(() -> needs.findById(needId)).chain(known -> {
                    if (known != null) {
                        LOG.infof("need %s already has a consent decision; event %s changes nothing", needId,
                                event.id());
                        return Uni.createFrom().voidItem();
                    }
                    PendingNeed need = toPendingNeed(payload, disclosures.now());
                    // kept for the record; every later decision asks the registry again
                    need.sourceSector = sectors.getOrDefault(need.sourceOrganisation, need.sourceSector);
                    need.targetSector = sectors.getOrDefault(need.targetOrganisation, need.targetSector);
                    return needs.persist(need).chain(() -> decide(need, sectors, Trigger.ARRIVAL,
                            Disclosures.BY_EVENT, Causation.after(event)));
                }));
    }

    /**
     * A new answer (consent or refusal) decides the client's PENDING and DENIED needs it names (same
     * recipient and purpose) — only those whose source organisation recorded it, or all when the
     * client recorded it. Caller holds the client's lock.
     */
    public Uni<Void> afterAnswer(Consent answer, String requestedBy, Causation causation) {
        return reconsider(answer.clientId, EnumSet.of(PendingNeedStatus.PENDING, PendingNeedStatus.DENIED),
                need -> answer.names(need.targetOrganisation, need.purpose) && answer.answersFor(need.sourceOrganisation),
                Trigger.ANSWER, requestedBy, causation);
    }

    /**
     * A new prohibition denies the client's PENDING needs it reaches and withdraws the GRANTED ones
     * it now forbids (consent-denied with reason PROHIBITION: the open referral is suspended).
     */
    public Uni<Void> afterProhibition(Prohibition prohibition, String requestedBy, Causation causation) {
        return reconsider(prohibition.clientId, EnumSet.of(PendingNeedStatus.PENDING, PendingNeedStatus.GRANTED),
                need -> true, Trigger.PROHIBITION, requestedBy, causation);
    }

    /** A revoked prohibition decides the client's DENIED needs again: granted, or waiting for the client. */
    public Uni<Void> afterProhibitionRevoked(Prohibition prohibition, String requestedBy, Causation causation) {
        return reconsider(prohibition.clientId, EnumSet.of(PendingNeedStatus.DENIED), need -> true,
                Trigger.PROHIBITION_REVOKED, requestedBy, causation);
    }

    /** A permit asked for the need over REST (by its source organisation), already logged, lets it proceed. */
    Uni<Void> permittedOnRequest(PendingNeed need, ConsentDecision logged, Decision decision, Causation causation) {
        return NeedTransitions.next(need.status, decision, Trigger.PERMIT_ASKED)
                .map(next -> apply(need, next, logged, decision, causation))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> reconsider(String clientId, Set<PendingNeedStatus> statuses, Predicate<PendingNeed> concerned,
            Trigger trigger, String requestedBy, Causation causation) {
        return needs.findByClient(clientId, statuses).chain(found -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PendingNeed need : found.stream().filter(concerned).toList()) {
                chain = chain.chain(() -> decide(need, trigger, requestedBy, causation));
            }
            return chain;
        });
    }

    private Uni<Void> decide(PendingNeed need, Trigger trigger, String requestedBy, Causation causation) {
        return registry.activeSectors(List.of(need.sourceOrganisation, need.targetOrganisation))
                .chain(sectors -> decide(need, sectors, trigger, requestedBy, causation));
    }

    /** Decides with the registry's sectors read in this transaction (active organisations only). */
    private Uni<Void> decide(PendingNeed need, Map<String, Sector> sectors, Trigger trigger, String requestedBy,
            Causation causation) {
        OffsetDateTime now = disclosures.now();
        return disclosureOf(need, sectors).chain(request -> {
            Uni<Decision> decided = request == null
                    ? Uni.createFrom().item(DisclosureRules.unregisteredParty())
                    : disclosures.evaluate(request, now.toInstant());
            return decided.chain(decision -> {
                var next = NeedTransitions.next(need.status, decision, trigger);
                if (next.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                DisclosureRequest logged = request != null ? request : unregistered(need);
                // the service decides for the discloser: audited as its DECIDE, in the same transaction
                return disclosures.log(logged, decision, need.needId, requestedBy, now)
                        .call(row -> audit.decidedByService(row, causation.correlationId()))
                        .chain(row -> apply(need, next.get(), row, decision, causation));
            });
        });
    }

    /**
     * What the need discloses, with the registry's sectors (null when its source or target is not an
     * active organisation of the registry). A GRANTED need is judged by what was permitted: the
     * granting decision's data and, when it rested on a statutory basis, that basis.
     */
    private Uni<DisclosureRequest> disclosureOf(PendingNeed need, Map<String, Sector> sectors) {
        Sector source = sectors.get(need.sourceOrganisation);
        Sector target = sectors.get(need.targetOrganisation);
        if (source == null || target == null) {
            return Uni.createFrom().nullItem();
        }
        DisclosureRequest onConsent = need.disclosure(source, target);
        if (need.status != PendingNeedStatus.GRANTED || need.decisionId == null) {
            return Uni.createFrom().item(onConsent);
        }
        return decisions.findById(need.decisionId).map(granting -> granting == null ? onConsent
                : new DisclosureRequest(need.clientId, need.sourceOrganisation, source, need.targetOrganisation,
                        target, need.purpose, granting.dataCategorySet(),
                        granting.basis == LegalBasis.CONSENT ? null : granting.basis, granting.justification));
    }

    private static DisclosureRequest unregistered(PendingNeed need) {
        return need.disclosure(null, null);
    }

    private Uni<Void> apply(PendingNeed need, PendingNeedStatus next, ConsentDecision logged, Decision decision,
            Causation causation) {
        need.status = next;
        need.decisionId = logged.id;
        need.settledAt = next == PendingNeedStatus.PENDING ? null : logged.decidedAt;
        if (next == PendingNeedStatus.PENDING) {
            return outbox.record(EventType.CONSENT_REQUESTED, new ClientId(need.clientId),
                    ConsentEvents.requested(need), causation).replaceWithVoid();
        }
        return disclosures.announce(logged, decision, causation).replaceWithVoid();
    }

    private static PendingNeed toPendingNeed(NeedIdentified payload, OffsetDateTime now) {
        PendingNeed need = new PendingNeed();
        need.needId = UUID.fromString(payload.needId());
        need.clientId = payload.clientId();
        need.sourceOrganisation = payload.sourceOrganisation();
        need.sourceSector = Sector.valueOf(payload.sourceSector());
        need.targetOrganisation = payload.targetOrganisation();
        need.targetSector = Sector.valueOf(payload.targetSector());
        need.purpose = Purpose.valueOf(payload.purpose());
        need.dataCategories = Codes.join(payload.dataCategories().stream().map(DataCategory::valueOf).toList());
        need.status = PendingNeedStatus.PENDING;
        need.receivedAt = now;
        return need;
    }
}
