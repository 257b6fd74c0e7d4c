package fi.yhdyspinta.referral.service;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.command.IdentifyNeed;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /referrals}: every route in (SHL 40 §) — social care refers a client to health care or an NGO, an
 * NGO to public services, any organisation to another. The same body and the same consent decision as a need:
 * both sectors from the registry, the target active and never the caller's own organisation, the referral
 * {@code AWAITING_CONSENT} until consent-service decides on {@code need-identified}.
 */
@ApplicationScoped
public class ReferralRoutes {

    private final ReferralIntake intake;

    public ReferralRoutes(ReferralIntake intake) {
        this.intake = intake;
    }

    @WithTransaction
    public Uni<Referral> refer(IdentifyNeed command, Caller caller, Causation causation) {
        return intake.route(command, caller, causation).map(ReferralIntake.Opened::referral);
    }
}
