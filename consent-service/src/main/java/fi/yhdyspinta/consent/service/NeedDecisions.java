package fi.yhdyspinta.consent.service;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.consent.domain.Codes;
import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.consent.domain.ConsentDecision;
import fi.yhdyspinta.consent.domain.Decision;
import fi.yhdyspinta.consent.domain.PendingNeed;
import fi.yhdyspinta.consent.domain.PendingNeedStatus;
import fi.yhdyspinta.consent.mapping.ConsentEvents;
import fi.yhdyspinta.consent.repository.ClientLocks;
import fi.yhdyspinta.consent.repository.PendingNeedRepository;
import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.inbox.PoisonEventException;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Consent decisions for identified needs (DESIGN §4 step 2). A need-identified event is decided at
 * once: a permit grants it; a prohibition or refusal denies it; with nothing to rest on yet (no
 * consent, or only a revoked one) the need waits as PENDING and the professional is asked to
 * request the client's consent. A consent recorded later decides the pending needs it names.
 * Runs inside the caller's transaction (the inbox's, or the consent's).
 */
@ApplicationScoped
public class NeedDecisions {

    private static final Logger LOG = Logger.getLogger(NeedDecisions.class);

    /** Denials the client can still change by answering: the need waits. */
    private static final Set<DenialReason> ASK_THE_CLIENT = EnumSet.of(DenialReason.NO_VALID_CONSENT,
            DenialReason.REVOKED);

    private final PendingNeedRepository needs;
    private final Disclosures disclosures;
    private final ClientLocks locks;
    private final Outbox outbox;

    public NeedDecisions(PendingNeedRepository needs, Disclosures disclosures, ClientLocks locks, Outbox outbox) {
        this.needs = needs;
        this.disclosures = disclosures;
        this.locks = locks;
        this.outbox = outbox;
    }

    /** Handles one need-identified event (called once per event id by the inbox). */
    public Uni<Void> needIdentified(CloudEvent event, NeedIdentified payload) {
        if (!payload.clientId().equals(event.subject())) {
            throw new PoisonEventException("need-identified subject is not the payload's clientId");
        }
        UUID needId = UUID.fromString(payload.needId());
        return locks.lock(payload.clientId()).chain(() -> needs.findById(needId)).chain(known -> {
            if (known != null) {
                LOG.infof("need %s already has a consent decision; event %s changes nothing", needId, event.id());
                return Uni.createFrom().voidItem();
            }
            OffsetDateTime now = Disclosures.now();
            PendingNeed need = toPendingNeed(payload, now);
            return needs.persist(need).chain(() -> decideOnArrival(need, now, Causation.after(event)));
        });
    }

    private Uni<Void> decideOnArrival(PendingNeed need, OffsetDateTime now, Causation causation) {
        var request = need.disclosure();
        return disclosures.evaluate(request, now.toInstant())
                .chain(decision -> disclosures.log(request, decision, need.needId, Disclosures.BY_EVENT, now)
                        .chain(logged -> {
                            if (!decision.permits() && ASK_THE_CLIENT.contains(decision.reason())) {
                                return outbox.record(EventType.CONSENT_REQUESTED, new ClientId(need.clientId),
                                        ConsentEvents.requested(need), causation).replaceWithVoid();
                            }
                            return settle(need, logged, decision, now, causation);
                        }));
    }

    /**
     * A new answer of the client (consent or refusal) decides every pending need it names (same
     * recipient and purpose). A need the answer does not settle — it lacks a data category, say —
     * keeps waiting.
     */
    public Uni<Void> afterAnswer(Consent answer, String requestedBy, Causation causation) {
        return needs.findPendingByClient(answer.clientId).chain(pending -> {
            List<PendingNeed> named = pending.stream()
                    .filter(need -> answer.names(need.targetOrganisation, need.purpose)).toList();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PendingNeed need : named) {
                chain = chain.chain(() -> decideAfterAnswer(need, requestedBy, causation));
            }
            return chain;
        });
    }

    private Uni<Void> decideAfterAnswer(PendingNeed need, String requestedBy, Causation causation) {
        OffsetDateTime now = Disclosures.now();
        var request = need.disclosure();
        return disclosures.evaluate(request, now.toInstant()).chain(decision -> {
            if (!decision.permits() && ASK_THE_CLIENT.contains(decision.reason())) {
                return Uni.createFrom().voidItem();
            }
            return disclosures.log(request, decision, need.needId, requestedBy, now)
                    .chain(logged -> settle(need, logged, decision, now, causation));
        });
    }

    /** A decision made for a need elsewhere (POST /consent-decisions) that permits lets it proceed. */
    Uni<Void> grantedElsewhere(PendingNeed need, ConsentDecision logged, Decision decision, Causation causation) {
        if (need.status == PendingNeedStatus.GRANTED) {
            return Uni.createFrom().voidItem();
        }
        return settle(need, logged, decision, logged.decidedAt, causation);
    }

    private Uni<Void> settle(PendingNeed need, ConsentDecision logged, Decision decision, OffsetDateTime now,
            Causation causation) {
        need.status = decision.permits() ? PendingNeedStatus.GRANTED : PendingNeedStatus.DENIED;
        need.decisionId = logged.id;
        need.settledAt = now;
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
