package fi.yhdyspinta.careplan.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.careplan.domain.PlanParticipant;
import fi.yhdyspinta.careplan.domain.PlanSharing;
import fi.yhdyspinta.careplan.mapping.PlanEvents;
import fi.yhdyspinta.careplan.repository.CarePlanRepository;
import fi.yhdyspinta.careplan.repository.ClientLocks;
import fi.yhdyspinta.careplan.repository.PlanParticipantRepository;
import fi.yhdyspinta.careplan.repository.RevokedConsents;
import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentRevoked;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * {@code consent-revoked} reaches plans (DESIGN §4 step 6): every plan share that rested on the revoked consent is
 * revoked at once — the organisation sees the plan's ids only from then on — and the responsible organisation is
 * told ({@code care-plan-sharing-revoked}). Runs in the consuming inbox's transaction, under the client's lock, so a
 * plan being written with that consent either sees the revocation or is seen by it.
 */
@ApplicationScoped
public class PlanRevocations {

    private static final Logger LOG = Logger.getLogger(PlanRevocations.class);

    private final RevokedConsents revoked;
    private final PlanParticipantRepository participants;
    private final CarePlanRepository plans;
    private final ClientLocks locks;
    private final Outbox outbox;
    private final Clock clock;

    public PlanRevocations(RevokedConsents revoked, PlanParticipantRepository participants, CarePlanRepository plans,
            ClientLocks locks, Outbox outbox, Clock clock) {
        this.revoked = revoked;
        this.participants = participants;
        this.plans = plans;
        this.locks = locks;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> revoked(CloudEvent event, ConsentRevoked revocation) {
        UUID consentId = UUID.fromString(revocation.consentId());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        return locks.lock(revocation.clientId())
                .chain(() -> revoked.record(consentId, revocation.revokedAt()))
                .chain(() -> participants.activeOnConsent(consentId))
                .chain(shares -> {
                    Map<UUID, List<PlanParticipant>> byPlan = new LinkedHashMap<>();
                    for (PlanParticipant share : shares) {
                        share.status = PlanSharing.REVOKED;
                        share.changedAt = now;
                        byPlan.computeIfAbsent(share.planId, id -> new java.util.ArrayList<>()).add(share);
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Map.Entry<UUID, List<PlanParticipant>> entry : byPlan.entrySet()) {
                        chain = chain.chain(() -> revokeOnPlan(entry.getKey(), entry.getValue(), now, event));
                    }
                    if (!byPlan.isEmpty()) {
                        LOG.infof("consent %s revoked: %d plan share(s) revoked", consentId, shares.size());
                    }
                    return chain;
                });
    }

    private Uni<Void> revokeOnPlan(UUID planId, List<PlanParticipant> shares, OffsetDateTime now, CloudEvent cause) {
        return plans.findById(planId).chain(plan -> {
            plan.updatedAt = now;
            return plans.flush().chain(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (PlanParticipant share : shares) {
                    chain = chain.chain(() -> outbox.record(EventType.CARE_PLAN_SHARING_REVOKED,
                            new ClientId(plan.clientId), PlanEvents.sharingRevoked(plan, share, now),
                            Causation.after(cause)).replaceWithVoid());
                }
                return chain;
            });
        });
    }
}
