package fi.yhdyspinta.referral.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.client.ClientIdPseudonymiser;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.domain.Need;
import fi.yhdyspinta.referral.domain.Organisation;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.mapping.ReferralDisclosure;
import fi.yhdyspinta.referral.mapping.ReferralEvents;
import fi.yhdyspinta.referral.repository.NeedRepository;
import fi.yhdyspinta.referral.repository.ReferralRepository;
import fi.yhdyspinta.referral.rest.NeedRequest;
import fi.yhdyspinta.referral.rest.NeedView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Records identified needs (THL 50 a §, SHL 40 §). Contacting the other sector waits for a consent
 * decision: the need's referral starts {@code AWAITING_CONSENT} and {@code need-identified} asks
 * consent-service to decide.
 */
@ApplicationScoped
public class NeedService {

    private final NeedRepository needs;
    private final ReferralRepository referrals;
    private final ClientIdPseudonymiser pseudonymiser;
    private final Outbox outbox;
    private final OrganisationRegistry registry;
    private final ReferralAudit audit;
    private final ReferralIntake intake;

    public NeedService(NeedRepository needs, ReferralRepository referrals, ClientIdPseudonymiser pseudonymiser,
            Outbox outbox, OrganisationRegistry registry, ReferralAudit audit, ReferralIntake intake) {
        this.intake = intake;
        this.needs = needs;
        this.referrals = referrals;
        this.pseudonymiser = pseudonymiser;
        this.outbox = outbox;
        this.registry = registry;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Need> identify(NeedRequest request, Caller caller, Causation causation) {
        Henkilotunnus hetu = Henkilotunnus.parse(request.client());
        ClientId clientId = pseudonymiser.clientIdOf(hetu);
        String organisation = caller.requireOrganisation();
        if (organisation.equals(request.targetOrganisation())) {
            throw ProblemException.invalidField("targetOrganisation", "must be another organisation than the caller's");
        }
        // Both sectors come from the organisation registry, never from the body or the token (DESIGN §7).
        return registry.actingOrganisation(organisation)
                .chain(source -> registry.activeOrganisation(request.targetOrganisation(), "targetOrganisation")
                        .chain(target -> record(request, caller, causation, hetu, clientId, source, target)));
    }

    private Uni<Need> record(NeedRequest request, Caller caller, Causation causation, Henkilotunnus hetu,
            ClientId clientId, Organisation source, Organisation target) {
        if (request.targetSector() != null && request.targetSector() != target.sector) {
            throw ProblemException.invalidField("targetSector",
                    "must be the target organisation's sector in the registry, " + target.sector);
        }
        String organisation = source.oid;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        Need need = new Need();
        need.id = UUID.randomUUID();
        need.referralId = UUID.randomUUID();
        need.clientId = clientId.value();
        need.clientHetu = hetu.value();
        need.category = request.category();
        need.sourceOrganisation = organisation;
        need.sourceSector = source.sector;
        need.targetSector = target.sector;
        need.targetOrganisation = request.targetOrganisation();
        need.urgency = request.urgency();
        need.purpose = request.purposeOrDefault();
        need.dataCategories = request.dataCategoriesOrDefault().stream().map(Enum::name)
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
        referral.senderOrganisation = organisation;
        referral.receiverOrganisation = need.targetOrganisation;
        referral.status = ReferralStatus.AWAITING_CONSENT;
        referral.purpose = need.purpose;
        referral.createdBy = caller.subject();
        referral.createdAt = now;
        referral.updatedAt = now;

        return needs.persist(need)
                .chain(() -> referrals.persist(referral))
                .chain(() -> intake.created(referral, caller))
                .chain(() -> outbox.record(EventType.NEED_IDENTIFIED, clientId, ReferralEvents.needIdentified(need),
                        causation))
                .chain(() -> audit.needIdentified(caller, need, referral, causation.correlationId()))
                .replaceWith(need);
    }

    /**
     * The need as the caller's organisation may see it: its source always, its target only once the
     * need's referral had a permit, and then only what was permitted ({@link ReferralDisclosure}). The read is
     * audited in its transaction; a need the caller may not see is a refused read (404), audited after it.
     */
    @WithTransaction
    public Uni<NeedView> find(UUID id, Caller caller, String correlationId) {
        String organisation = caller.requireOrganisation();
        return needs.findById(id).chain(need -> {
            if (need == null) {
                return Uni.createFrom().failure(ProblemException.notFound("need"));
            }
            return referrals.findById(need.referralId).chain(referral -> {
                if (referral == null || !ReferralDisclosure.visibleTo(referral, organisation)) {
                    return Uni.createFrom().failure(audit.needHidden(caller, need, correlationId));
                }
                return audit.needRead(caller, need, referral, correlationId)
                        .replaceWith(() -> ReferralDisclosure.view(need, referral, organisation));
            });
        });
    }
}
