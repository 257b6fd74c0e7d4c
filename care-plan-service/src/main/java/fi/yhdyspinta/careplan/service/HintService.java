package fi.yhdyspinta.careplan.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.config.HintsConfig;
import fi.yhdyspinta.careplan.domain.CarePlan;
import fi.yhdyspinta.careplan.domain.ClientReferral;
import fi.yhdyspinta.careplan.domain.CoordinationHints;
import fi.yhdyspinta.careplan.domain.PlanParticipant;
import fi.yhdyspinta.careplan.repository.CarePlanRepository;
import fi.yhdyspinta.careplan.repository.ClientReferralRepository;
import fi.yhdyspinta.careplan.repository.OrganisationSectors;
import fi.yhdyspinta.careplan.repository.PlanParticipantRepository;
import fi.yhdyspinta.careplan.repository.RaisedHints;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.CoordinationHintRaised;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * The coordination hints of a client ({@link CoordinationHints} on this service's data), for the overview and for
 * the inboxes: a hint that becomes true for the first time is announced once ({@code care-plan-coordination-hint}),
 * never again for the same client, hint and plan. Runs in the caller's session or transaction.
 */
@ApplicationScoped
public class HintService {

    /** A hint that holds, and the organisations that may see it in the overview. */
    public record VisibleHint(CoordinationHints.Hint hint, Set<String> visibleTo) {
    }

    private final ClientReferralRepository referrals;
    private final CarePlanRepository plans;
    private final PlanParticipantRepository participants;
    private final OrganisationSectors sectors;
    private final RaisedHints raised;
    private final Outbox outbox;
    private final Clock clock;
    private final CoordinationHints rules;

    public HintService(ClientReferralRepository referrals, CarePlanRepository plans,
            PlanParticipantRepository participants, OrganisationSectors sectors, RaisedHints raised, Outbox outbox,
            Clock clock, HintsConfig config) {
        this.referrals = referrals;
        this.plans = plans;
        this.participants = participants;
        this.sectors = sectors;
        this.raised = raised;
        this.outbox = outbox;
        this.clock = clock;
        this.rules = new CoordinationHints(config.coordinatedPlan().minActiveServices(),
                config.coordinatedPlan().minSectors(), config.planReview().graceDays());
    }

    /** Every hint that holds for the client now, with who may see it. */
    public Uni<List<VisibleHint>> evaluate(String clientId) {
        return referrals.findActiveForClient(clientId).chain(active -> sectors.sectorsOf(
                active.stream().flatMap(r -> java.util.stream.Stream.of(r.senderOrganisation, r.receiverOrganisation))
                        .distinct().toList())
                .chain(sectorOf -> plans.findByClient(clientId).chain(planList -> participants
                        .ofPlans(planList.stream().map(p -> p.id).toList())
                        .map(rows -> evaluate(active, sectorOf, planList, rows)))));
    }

    private List<VisibleHint> evaluate(List<ClientReferral> active, Map<String, fi.yhdyspinta.events.code.Sector> sectorOf,
            List<CarePlan> planList, List<PlanParticipant> rows) {
        List<CoordinationHints.ActiveService> services = active.stream()
                .map(r -> new CoordinationHints.ActiveService(r.referralId, r.senderOrganisation,
                        sectorOf.get(r.senderOrganisation), r.receiverOrganisation,
                        sectorOf.get(r.receiverOrganisation)))
                .toList();
        Map<UUID, Set<String>> activeOrgs = new HashMap<>();
        for (PlanParticipant row : rows) {
            if (row.isActive()) {
                activeOrgs.computeIfAbsent(row.planId, id -> new LinkedHashSet<>()).add(row.organisation);
            }
        }
        List<CoordinationHints.PlanFacts> facts = planList.stream()
                .map(p -> new CoordinationHints.PlanFacts(p.id, p.responsibleOrganisation, p.hasResponsibleWorker(),
                        p.reviewDate, Set.copyOf(activeOrgs.getOrDefault(p.id, new LinkedHashSet<>()))))
                .toList();
        List<VisibleHint> result = new ArrayList<>();
        for (CoordinationHints.Hint hint : rules.evaluate(services, facts, LocalDate.now(clock))) {
            Set<String> visibleTo = hint.planId() == null ? hint.organisations()
                    : activeOrgs.getOrDefault(hint.planId(), new LinkedHashSet<>());
            result.add(new VisibleHint(hint, visibleTo));
        }
        return result;
    }

    /** Announces each hint that holds and was never raised for the client (and plan). In a transaction. */
    public Uni<Void> raiseNew(String clientId, Causation causation) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        return evaluate(clientId).chain(hints -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (VisibleHint visible : hints) {
                CoordinationHints.Hint hint = visible.hint();
                chain = chain.chain(() -> raised.firstTime(clientId, hint.hint(), hint.planId(), now)
                        .chain(first -> !first || hint.organisations().isEmpty() ? Uni.createFrom().voidItem()
                                : outbox.record(EventType.CARE_PLAN_COORDINATION_HINT, new ClientId(clientId),
                                        payload(clientId, hint, now), causation).replaceWithVoid()));
            }
            return chain;
        });
    }

    private static CoordinationHintRaised payload(String clientId, CoordinationHints.Hint hint, OffsetDateTime now) {
        return new CoordinationHintRaised(clientId, hint.hint().name(), hint.ruleId(),
                hint.planId() == null ? null : hint.planId().toString(), List.copyOf(hint.organisations()),
                new CoordinationHintRaised.Thresholds(hint.thresholds().minActiveServices(),
                        hint.thresholds().minSectors(), hint.thresholds().reviewGraceDays()),
                now);
    }
}
