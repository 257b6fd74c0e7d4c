package fi.yhdyspinta.referral.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.domain.Need;
import fi.yhdyspinta.referral.mapping.ReferralDisclosure;
import fi.yhdyspinta.referral.repository.NeedRepository;
import fi.yhdyspinta.referral.repository.ReferralRepository;
import fi.yhdyspinta.referral.command.IdentifyNeed;
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
    private final ReferralAudit audit;
    private final ReferralIntake intake;

    public NeedService(NeedRepository needs, ReferralRepository referrals, ReferralAudit audit, ReferralIntake intake) {
        this.needs = needs;
        this.referrals = referrals;
        this.audit = audit;
        this.intake = intake;
    }

    @WithTransaction
    public Uni<Need> identify(IdentifyNeed command, Caller caller, Causation causation) {
        return intake.route(command, caller, causation).map(ReferralIntake.Opened::need);
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
