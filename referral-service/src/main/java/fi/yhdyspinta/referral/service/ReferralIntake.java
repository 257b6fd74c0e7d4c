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
import fi.yhdyspinta.platform.client.ClientIdPseudonymiser;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.command.IdentifyNeed;
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

    /** The need and its referral, as opened. */
    public record Opened(Need need, Referral referral) {
    }

    private final NeedRepository needs;
    private final ReferralRepository referrals;
    private final ReferralTransitionRepository transitions;
    private final Outbox outbox;
    private final ReferralAudit audit;
    private final ClientIdPseudonymiser pseudonymiser;
    private final OrganisationRegistry registry;
    private final Clock clock;

    public ReferralIntake(NeedRepository needs, ReferralRepository referrals, ReferralTransitionRepository transitions,
            Outbox outbox, ReferralAudit audit, ClientIdPseudonymiser pseudonymiser, OrganisationRegistry registry,
            Clock clock) {
        this.needs = needs;
        this.referrals = referrals;
        this.transitions = transitions;
        this.outbox = outbox;
        this.audit = audit;
        this.pseudonymiser = pseudonymiser;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * {@code POST /needs} and {@code POST /referrals}: a route in from the caller's organisation. Both sectors come
     * from the organisation registry, never from the body or the token (DESIGN §7); the target is active and never
     * the caller's own organisation; a stated target sector must be the registry's.
     */
    public Uni<Opened> route(IdentifyNeed command, Caller caller, Causation causation) {
        Henkilotunnus hetu = Henkilotunnus.parse(command.client());
        ClientId clientId = pseudonymiser.clientIdOf(hetu);
        String organisation = caller.requireOrganisation();
        if (organisation.equals(command.targetOrganisation())) {
            throw ProblemException.invalidField("targetOrganisation", "must be another organisation than the caller's");
        }
        return registry.actingOrganisation(organisation)
                .chain(source -> registry.activeOrganisation(command.targetOrganisation(), "targetOrganisation")
                        .chain(target -> {
                            if (command.targetSector() != null && command.targetSector() != target.sector) {
                                throw ProblemException.invalidField("targetSector",
                                        "must be the target organisation's sector in the registry, " + target.sector);
                            }
                            return opened(new Opening(hetu.value(), clientId.value(), command.category(),
                                    command.urgency(), command.purpose(), command.dataCategories(),
                                    source, target, null, null), caller, causation);
                        }));
    }

    public Uni<Referral> open(Opening o, Caller caller, Causation causation) {
        return opened(o, caller, causation).map(Opened::referral);
    }

    private Uni<Opened> opened(Opening o, Caller caller, Causation causation) {
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
                .replaceWith(new Opened(need, referral));
    }
}
