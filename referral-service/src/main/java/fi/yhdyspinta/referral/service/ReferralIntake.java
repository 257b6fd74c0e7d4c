package fi.yhdyspinta.referral.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.code.Urgency;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.domain.Actor;
import fi.yhdyspinta.referral.domain.Need;
import fi.yhdyspinta.referral.domain.Organisation;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.domain.ReferralTransition;
import fi.yhdyspinta.referral.mapping.ReferralEvents;
import fi.yhdyspinta.referral.repository.NeedRepository;
import fi.yhdyspinta.referral.repository.ReferralRepository;
import fi.yhdyspinta.referral.repository.ReferralTransitionRepository;
import io.smallrye.mutiny.Uni;

/**
 * Opens a referral that waits for its own consent decision — for {@code POST /referrals}, a forward, a re-route
 * and a social prescription alike. It takes the need's route (DESIGN §4): a need row naming the discloser (the
 * opening organisation) and the recipient, the referral {@code AWAITING_CONSENT}, and {@code need-identified},
 * on which consent-service decides exactly as for {@code POST /needs}. Nothing of the referral is visible to the
 * recipient before the permit ({@link fi.yhdyspinta.referral.mapping.ReferralDisclosure}). Runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class ReferralIntake {

    /** What the new referral is about, who discloses it to whom, and what it continues (if anything). */
    public record Opening(String clientHetu, String clientId, NeedCategory category, Urgency urgency, Purpose purpose,
            Collection<DataCategory> dataCategories, Organisation source, Organisation target, UUID continues,
            String reasonCode) {
    }

    private final NeedRepository needs;
    private final ReferralRepository referrals;
    private final ReferralTransitionRepository transitions;
    private final Outbox outbox;
    private final ReferralAudit audit;
    private final Clock clock;

    public ReferralIntake(NeedRepository needs, ReferralRepository referrals, ReferralTransitionRepository transitions,
            Outbox outbox, ReferralAudit audit, Clock clock) {
        this.needs = needs;
        this.referrals = referrals;
        this.transitions = transitions;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Referral> open(Opening o, Caller caller, Causation causation) {
        OffsetDateTime now = OffsetDateTime.now(clock);

        Need need = new Need();
        need.id = UUID.randomUUID();
        need.referralId = UUID.randomUUID();
        need.clientId = o.clientId();
        need.clientHetu = o.clientHetu();
        need.category = o.category();
        need.sourceOrganisation = o.source().oid;
        need.sourceSector = o.source().sector;
        need.targetSector = o.target().sector;
        need.targetOrganisation = o.target().oid;
        need.urgency = o.urgency();
        need.purpose = o.purpose();
        need.dataCategories = o.dataCategories().stream().distinct().sorted().map(Enum::name)
                .collect(Collectors.joining(","));
        need.identifiedBy = caller.subject();
        need.identifiedAt = now;

        Referral referral = new Referral();
        referral.id = need.referralId;
        referral.needId = need.id;
        referral.clientId = need.clientId;
        referral.clientHetu = need.clientHetu;
        referral.category = need.category;
        referral.urgency = need.urgency;
        referral.senderOrganisation = need.sourceOrganisation;
        referral.receiverOrganisation = need.targetOrganisation;
        referral.status = ReferralStatus.AWAITING_CONSENT;
        referral.purpose = o.purpose();
        referral.forwardedFrom = o.continues();
        referral.createdBy = caller.subject();
        referral.createdAt = now;
        referral.updatedAt = now;

        Actor actor = new Actor(caller.requireOrganisation(), caller.primaryRole(), o.reasonCode());
        return needs.persist(need)
                .chain(() -> referrals.persist(referral))
                .chain(() -> transitions.persist(
                        ReferralTransition.of(referral.id, null, ReferralStatus.AWAITING_CONSENT, now, actor)))
                .chain(() -> outbox.record(EventType.NEED_IDENTIFIED, new ClientId(referral.clientId),
                        ReferralEvents.needIdentified(need), causation))
                .chain(() -> audit.needIdentified(caller, need, referral, causation.correlationId()))
                .replaceWith(referral);
    }

    /** The first transition of a referral opened elsewhere (POST /needs): its creation, by the caller. */
    public Uni<Void> created(Referral referral, Caller caller) {
        return transitions.persist(ReferralTransition.of(referral.id, null, ReferralStatus.AWAITING_CONSENT,
                referral.createdAt, Actor.of(caller))).replaceWithVoid();
    }
}
