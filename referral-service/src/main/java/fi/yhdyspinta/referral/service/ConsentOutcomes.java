package fi.yhdyspinta.referral.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.events.payload.ConsentGranted;
import fi.yhdyspinta.events.payload.ConsentRevoked;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.repository.ReferralRepository;
import io.smallrye.mutiny.Uni;

/**
 * What consent decisions do to referrals (DESIGN §4 steps 3 and 6). Runs inside the inbox's
 * transaction: the processed-event row, the referral change and its event commit together.
 */
@ApplicationScoped
public class ConsentOutcomes {

    private static final Logger LOG = Logger.getLogger(ConsentOutcomes.class);
    private static final List<ReferralStatus> OPEN = List.of(ReferralStatus.SENT, ReferralStatus.RECEIVED,
            ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);

    private final ReferralRepository referrals;
    private final ReferralService referralService;

    public ConsentOutcomes(ReferralRepository referrals, ReferralService referralService) {
        this.referrals = referrals;
        this.referralService = referralService;
    }

    /** A permit for a waiting need sends its referral, carrying the decision id. */
    public Uni<Void> granted(CloudEvent event, ConsentGranted grant) {
        if (grant.needId() == null) {
            return Uni.createFrom().voidItem();
        }
        return referrals.findByNeed(UUID.fromString(grant.needId())).chain(referral -> {
            if (referral == null) {
                LOG.warnf("consent-granted %s names an unknown need", event.id());
                return Uni.createFrom().voidItem();
            }
            if (referral.status != ReferralStatus.AWAITING_CONSENT
                    || !referral.receiverOrganisation.equals(grant.recipientOrganisation())
                    || !referral.clientId.equals(grant.clientId())) {
                LOG.infof("consent-granted %s does not apply to referral %s in status %s", event.id(), referral.id,
                        referral.status);
                return Uni.createFrom().voidItem();
            }
            return referralService.move(referral, ReferralStatus.SENT, Causation.after(event), () -> {
                referral.consentDecisionId = UUID.fromString(grant.decisionId());
                referral.consentId = grant.consentId() == null ? null : UUID.fromString(grant.consentId());
                referral.legalBasis = grant.basis();
            }).replaceWithVoid();
        });
    }

    /** A denial leaves the referral waiting: the client may still consent later. */
    public Uni<Void> denied(CloudEvent event, ConsentDenied denial) {
        LOG.infof("consent-denied %s for need %s: %s", event.id(), denial.needId(), denial.reason());
        return Uni.createFrom().voidItem();
    }

    /** A revocation suspends every open referral that rested on the consent. */
    public Uni<Void> revoked(CloudEvent event, ConsentRevoked revocation) {
        return referrals.findOpenOnConsent(UUID.fromString(revocation.consentId()), OPEN)
                .chain(open -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Referral referral : open) {
                        chain = chain.chain(() -> referralService
                                .move(referral, ReferralStatus.SUSPENDED, Causation.after(event)).replaceWithVoid());
                    }
                    return chain;
                });
    }
}
